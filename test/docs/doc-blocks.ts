import { readFileSync } from 'node:fs';

/**
 * A fenced block of a Markdown file with the tag on the line before it: `<!-- run: <runner> [argument] -->` names
 * how the docs tests run it, `<!-- not run: <reason> -->` says why nothing can.
 */
export interface DocBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
  run?: { runner: string; argument?: string };
  notRun?: string;
}

const RUN = /^<!-- run: ([a-z-]+)(?: (.+?))? -->$/;
const NOT_RUN = /^<!-- not run: (.+) -->$/;

/** Every fenced block of `file`, in order, with its tag (neither `run` nor `notRun` when it has none). */
export function docBlocks(file: string): DocBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`${file}:${i + 1}: a block that never ends`);
    const tag = (lines[i - 1] ?? '').trim();
    const run = RUN.exec(tag);
    const notRun = NOT_RUN.exec(tag);
    blocks.push({
      file,
      line: i + 1,
      lang: open[1]!,
      code: lines.slice(i + 1, end).join('\n') + '\n',
      ...(run && { run: { runner: run[1]!, ...(run[2] && { argument: run[2] }) } }),
      ...(notRun && { notRun: notRun[1]! }),
    });
    i = end;
  }
  return blocks;
}
