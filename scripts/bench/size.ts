// Bundle sizes: ours (whole and per element) beside the peers, installed into a scratch folder outside the project.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { SourceMapConsumer, type MappingItem, type RawSourceMap } from 'source-map-js';

export interface SizeRow {
  name: string;
  what: string;
  raw: number;
  gzip: number;
  brotli: number;
}

const PEERS_DIR = join(tmpdir(), 'booking-flow-bench-peers');
const PEER_PACKAGES = [
  '@calcom/atoms',
  '@calcom/embed-core',
  'react-calendly',
  'react',
  'react-dom',
  '@stripe/react-stripe-js',
  '@stripe/stripe-js',
  'use-sync-external-store',
];

export function sizes(bytes: Buffer | string): Omit<SizeRow, 'name' | 'what'> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export interface PartRow extends SizeRow {
  /** The part's share of the bundle's raw bytes. */
  share: number;
}

/**
 * Our bundle, the files beside it (the live stream, the hold-change-cancel chunk, the German words), and each part of the bundle (an element's own code and styles,
 * Lit, the shared code) by the bundle's source map: its raw bytes, and the gzip and brotli bytes it adds (the whole
 * bundle compressed, minus the bundle without that part's bytes compressed).
 */
export function ourSizes(): { whole: SizeRow; beside: SizeRow[]; parts: PartRow[] } {
  const code = readFileSync('dist/booking-flow.js', 'utf8');
  const whole = {
    name: 'booking-flow',
    what: 'dist/booking-flow.js (every element, Lit bundled, English words)',
    ...sizes(code),
  };
  // The files loaded from beside the bundle, when a page needs them.
  const beside = [
    {
      name: 'booking-flow live stream',
      what: 'dist/change-stream.js (loaded once the page with a calendar is idle)',
      ...sizes(readFileSync('dist/change-stream.js')),
    },
    {
      name: 'booking-flow form, hold, change, cancel',
      what: 'dist/summary-extras.js (loaded once the page with a summary is idle)',
      ...sizes(readFileSync('dist/summary-extras.js')),
    },
    {
      name: 'booking-flow long-list search',
      what: 'dist/choice-search.js (loaded once a step has more than six options)',
      ...sizes(readFileSync('dist/choice-search.js')),
    },
    {
      name: 'booking-flow next available',
      what: 'dist/next-available-search.js (loaded once a first week is in)',
      ...sizes(readFileSync('dist/next-available-search.js')),
    },
    {
      name: 'booking-flow step by step',
      what: 'dist/step-layout.js (loaded once a flow has layout steps or auto)',
      ...sizes(readFileSync('dist/step-layout.js')),
    },
    {
      name: 'booking-flow German',
      what: 'dist/locales/de.js (optional, for German pages)',
      ...sizes(readFileSync('dist/locales/de.js')),
    },
  ];
  const owners = partOfEachByte(code, JSON.parse(readFileSync('dist/booking-flow.js.map', 'utf8')) as RawSourceMap);
  const parts = [...new Set(owners)].map((part) => {
    const without = sizes(
      code
        .split('')
        .filter((_, i) => owners[i] !== part)
        .join(''),
    );
    const raw = owners.filter((owner) => owner === part).length;
    return {
      name: part,
      what: '',
      raw,
      gzip: whole.gzip - without.gzip,
      brotli: whole.brotli - without.brotli,
      share: raw / code.length,
    };
  });
  return { whole, beside, parts: parts.sort((a, b) => b.raw - a.raw) };
}

/** Which part each byte of the bundle comes from, by the source map's mappings. */
function partOfEachByte(code: string, map: RawSourceMap): string[] {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const mappings: MappingItem[] = [];
  new SourceMapConsumer(map).eachMapping((mapping) => mappings.push(mapping), null, SourceMapConsumer.GENERATED_ORDER);
  const owners = new Array<string>(code.length).fill(partOf(null));
  mappings.forEach((mapping, index) => {
    const next = mappings[index + 1];
    const from = lineStarts[mapping.generatedLine - 1]! + mapping.generatedColumn;
    const to = next ? lineStarts[next.generatedLine - 1]! + next.generatedColumn : code.length;
    const part = partOf(mapping.source);
    for (let i = from; i < to; i++) owners[i] = part;
  });
  return owners;
}

function partOf(source: string | null): string {
  return (
    /src\/components\/([^/]+)\//.exec(source ?? '')?.[1] ??
    (source?.includes('node_modules') ? '(lit, @lit/context)' : '(shared: client, model, strings, styles)')
  );
}

/** Installs the peers once into a scratch folder (outside the project's dependencies) and measures them. */
export async function peerSizes(log: (line: string) => void): Promise<{ rows: SizeRow[]; note?: string }> {
  try {
    if (!existsSync(join(PEERS_DIR, 'node_modules', '@calcom', 'atoms'))) {
      mkdirSync(PEERS_DIR, { recursive: true });
      writeFileSync(join(PEERS_DIR, 'package.json'), '{"name":"bench-peers","private":true}');
      log(`installing peers into ${PEERS_DIR}…`);
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--force', ...PEER_PACKAGES], {
        cwd: PEERS_DIR,
        stdio: 'ignore',
      });
    }
    const version = (name: string) =>
      (JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
        .version;
    const bundle = async (source: string) => {
      const out = await build({
        stdin: { contents: source, resolveDir: PEERS_DIR, loader: 'js' },
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        logLevel: 'silent',
        define: { 'process.env.NODE_ENV': '"production"' },
        loader: { '.css': 'empty' },
      });
      return Buffer.from(out.outputFiles[0]!.contents);
    };
    const atomsJs = await bundle("export { Booker } from '@calcom/atoms';");
    const atomsCss = readFileSync(join(PEERS_DIR, 'node_modules/@calcom/atoms/globals.min.css'));
    const embed = readFileSync(join(PEERS_DIR, 'node_modules/@calcom/embed-core/dist/embed/embed.js'));
    const calendly = await bundle(
      "export { InlineWidget } from 'react-calendly'; export { createRoot } from 'react-dom/client'; export { createElement } from 'react';",
    );
    return {
      rows: [
        {
          name: `@calcom/atoms ${version('@calcom/atoms')}`,
          what: 'Booker, bundled with its dependencies (JS + globals.min.css)',
          ...sizes(Buffer.concat([atomsJs, atomsCss])),
        },
        {
          name: `@calcom/embed-core ${version('@calcom/embed-core')}`,
          what: 'embed.js (loads the booking page in an iframe on top)',
          ...sizes(embed),
        },
        {
          name: `react-calendly ${version('react-calendly')}`,
          what: `InlineWidget + react ${version('react')} + react-dom (iframe on top)`,
          ...sizes(calendly),
        },
      ],
    };
  } catch (error) {
    return {
      rows: [],
      note: `Peers not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
}
