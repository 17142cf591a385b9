// Bundle sizes: ours (whole and per element) beside the peers, installed into a scratch folder outside the project.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface SizeRow {
  name: string;
  what: string;
  raw: number;
  gzip: number;
  brotli: number;
}

const PEERS_DIR = join(tmpdir(), 'booking-flow-bench-peers');
const PEER_PACKAGES = ['@calcom/atoms', '@calcom/embed-core', 'react-calendly', 'react', 'react-dom', '@stripe/react-stripe-js', '@stripe/stripe-js', 'use-sync-external-store'];

export function sizes(bytes: Buffer | string): Omit<SizeRow, 'name' | 'what'> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Our bundle, and each element's own share of it (its code and styles, minified, as in the bundle). */
export async function ourSizes(): Promise<{ whole: SizeRow; elements: { tag: string; minified: number; share: number }[] }> {
  const bundle = readFileSync('dist/booking-flow.js');
  const whole = { name: 'booking-flow', what: 'dist/booking-flow.js (every element, Lit bundled)', ...sizes(bundle) };
  const result = await build({ entryPoints: ['src/cdn.ts'], bundle: true, minify: true, format: 'esm', write: false, metafile: true, outdir: 'out' });
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  const total = Object.values(inputs).reduce((sum, input) => sum + input.bytesInOutput, 0);
  const byTag = new Map<string, number>();
  for (const [path, input] of Object.entries(inputs)) {
    const tag = /src\/components\/([^/]+)\//.exec(path)?.[1] ?? (path.includes('node_modules') ? '(lit, @lit/context)' : '(shared: client, model, strings, styles)');
    byTag.set(tag, (byTag.get(tag) ?? 0) + input.bytesInOutput);
  }
  const elements = [...byTag].map(([tag, minified]) => ({ tag, minified, share: minified / total })).sort((a, b) => b.minified - a.minified);
  return { whole, elements };
}

/** Installs the peers once into a scratch folder (outside the project's dependencies) and measures them. */
export async function peerSizes(log: (line: string) => void): Promise<{ rows: SizeRow[]; note?: string }> {
  try {
    if (!existsSync(join(PEERS_DIR, 'node_modules', '@calcom', 'atoms'))) {
      mkdirSync(PEERS_DIR, { recursive: true });
      writeFileSync(join(PEERS_DIR, 'package.json'), '{"name":"bench-peers","private":true}');
      log(`installing peers into ${PEERS_DIR}…`);
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--force', ...PEER_PACKAGES], { cwd: PEERS_DIR, stdio: 'ignore' });
    }
    const version = (name: string) => (JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    const bundle = async (source: string) => {
      const out = await build({
        stdin: { contents: source, resolveDir: PEERS_DIR, loader: 'js' },
        bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent',
        define: { 'process.env.NODE_ENV': '"production"' }, loader: { '.css': 'empty' },
      });
      return Buffer.from(out.outputFiles[0]!.contents);
    };
    const atomsJs = await bundle("export { Booker } from '@calcom/atoms';");
    const atomsCss = readFileSync(join(PEERS_DIR, 'node_modules/@calcom/atoms/globals.min.css'));
    const embed = readFileSync(join(PEERS_DIR, 'node_modules/@calcom/embed-core/dist/embed/embed.js'));
    const calendly = await bundle("export { InlineWidget } from 'react-calendly'; export { createRoot } from 'react-dom/client'; export { createElement } from 'react';");
    return {
      rows: [
        { name: `@calcom/atoms ${version('@calcom/atoms')}`, what: 'Booker, bundled with its dependencies (JS + globals.min.css)', ...sizes(Buffer.concat([atomsJs, atomsCss])) },
        { name: `@calcom/embed-core ${version('@calcom/embed-core')}`, what: 'embed.js (loads the booking page in an iframe on top)', ...sizes(embed) },
        { name: `react-calendly ${version('react-calendly')}`, what: `InlineWidget + react ${version('react')} + react-dom (iframe on top)`, ...sizes(calendly) },
      ],
    };
  } catch (error) {
    return { rows: [], note: `Peers not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
