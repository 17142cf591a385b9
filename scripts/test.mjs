#!/usr/bin/env node
// `npm test`: every check and test suite, one after another, then one plain "N passed, N failed" line.
// Lint, type check and build count as one test each; the suites report their own counts.
import { execSync, spawn } from 'node:child_process';

/** What a command prints of a browser's version (Debian's packages), for the summary; "?" when it cannot tell. */
function version(cmd, pattern) {
  try {
    return pattern.exec(execSync(cmd, { stdio: ['ignore', 'pipe', 'ignore'] }).toString())?.[1] ?? '?';
  } catch {
    return '?';
  }
}
const chromium = version('/usr/bin/chromium --version', /Chromium ([\d.]+)/);
const firefox = version('/usr/bin/firefox-esr --version', /Firefox ([\w.]+)/);
const webkit = version("dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0", /^([\d.]+)/);

const steps = [
  { name: 'lint', cmd: 'npm run -s lint' },
  { name: 'typecheck', cmd: 'npm run -s typecheck' },
  { name: 'build', cmd: 'npm run -s build' },
  { name: 'node tests (proxy, sandbox)', cmd: 'npm run -s test:node', counts: 'node' },
  { name: `browser tests (Chromium ${chromium})`, cmd: 'npm run -s test:browser', counts: 'wtr' },
  { name: `browser tests (Firefox ${firefox}, WebDriver BiDi)`, cmd: 'npm run -s test:firefox', counts: 'wtr' },
  { name: `browser tests (WebKitGTK ${webkit}, WebDriver)`, cmd: 'npm run -s test:webkit', counts: 'wtr' },
  {
    name: 'end-to-end (the demo in Chromium, and its flows in Firefox and WebKit)',
    cmd: 'npm run -s test:e2e',
    counts: 'node',
  },
  {
    name: 'recipes, docs and runtimes (examples/, every doc block, the proxy in Node, workerd, Deno and Bun; packed packages)',
    cmd: 'npm run -s test:docs',
    counts: 'node',
  },
];

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, {
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let output = '';
    const tee = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function counted(kind, output) {
  if (kind === 'node') {
    const pass = /^ℹ pass (\d+)$/m.exec(output);
    const fail = /^ℹ fail (\d+)$/m.exec(output);
    return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : undefined;
  }
  const line = [...output.matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped$/gm)].at(-1);
  return line ? { passed: Number(line[1]), failed: Number(line[2]), skipped: Number(line[3]) } : undefined;
}

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  process.stdout.write(`\n── ${step.name} ──\n`);
  const { code, output } = await run(step.cmd);
  const counts = step.counts ? counted(step.counts, output) : undefined;
  const result = counts ?? (code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  // A suite that exits non-zero without a failing test (a crash, a file that did not load) counts as a failure.
  if (code !== 0 && result.failed === 0) result.failed = 1;
  passed += result.passed;
  failed += result.failed;
  // A test a browser cannot run (it says why) is skipped, and the summary says how many.
  const skipped = result.skipped ? ` (${result.skipped} skipped)` : '';
  summary.push(
    `${code === 0 ? 'ok  ' : 'FAIL'} ${step.name}: ${result.passed} passed, ${result.failed} failed${skipped}`,
  );
}
process.stdout.write(`\n${summary.join('\n')}\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
