import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { minify } from 'terser';
import type { Plugin } from 'vite';
import { templateMinifyOptions } from './scripts/template-minify.mjs';

/**
 * A second pass of terser over the written, minified chunks: a few hundred bytes that Rolldown's own minifier
 * leaves (it runs first; terser alone does worse). Source maps are carried through.
 */
function terserPass(): Plugin {
  return {
    name: 'terser-pass',
    async writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const file = resolve(options.dir ?? 'dist', chunk.fileName);
        const map = existsSync(`${file}.map`) ? readFileSync(`${file}.map`, 'utf8') : undefined;
        const result = await minify(readFileSync(file, 'utf8'), {
          module: true,
          ecma: 2020,
          // `unsafe` turns String(x) into "" + x, plain template strings into concatenation and a frozen enum's
          // members into their values: the same for the strings and numbers they hold here (42 bytes). Without
          // `keep_fargs`, unused trailing parameters go: nothing here reads a function's `length` (16 bytes).
          // `unsafe_math` writes Number(s) as +s: the same for the strings of digits it is given here (6 bytes).
          compress: { passes: 3, unsafe_arrows: true, unsafe: true, keep_fargs: false, unsafe_math: true },
          format: { comments: false },
          sourceMap: map ? { content: map, url: `${chunk.fileName.split('/').pop()}.map` } : false,
        });
        writeFileSync(file, result.code ?? '');
        if (map && typeof result.map === 'string') writeFileSync(`${file}.map`, result.map);
      }
    },
  };
}

// `vite build`            -> dist/demo/: the demo pages (default, dark, brand, phone), served by `npm start` beside the proxy.
// `vite build --mode cdn` -> dist/booking-flow.js: one self-contained, minified ES module for a <script> tag.
// `vite build --mode cdn-locales` (with BUILD_LOCALE=<language>; scripts/build-locales.mjs runs it for each file in
// src/locales) -> dist/locales/<language>.js: each adds its words to the page's registry, for whichever copy of the
// bundle is there. One build per language: built together, they would share the registry as a chunk to import.

const minifyTemplates = () => minifyTemplateLiterals(templateMinifyOptions);

export default defineConfig(({ mode }) => {
  if (mode === 'cdn-locales') {
    const locale = process.env.BUILD_LOCALE;
    if (!locale)
      throw new Error('BUILD_LOCALE=<language> says which of src/locales to build (scripts/build-locales.mjs)');
    return {
      publicDir: false,
      build: {
        target: 'es2022',
        outDir: 'dist/locales',
        emptyOutDir: false,
        lib: {
          entry: { [locale]: resolve(import.meta.dirname, `src/locales/${locale}.ts`) },
          formats: ['es'],
        },
        rolldownOptions: {
          // A locale file imports nothing: it adds its words to the page's registry (a global), so it works wherever
          // it is placed and with whichever copy of the bundle the page has.
          output: { minify: true, comments: { annotation: false }, entryFileNames: '[name].js' },
        },
      },
    };
  }
  if (mode === 'cdn') {
    return {
      publicDir: false,
      plugins: [minifyTemplates(), terserPass()],
      build: {
        target: 'es2022',
        outDir: 'dist',
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: resolve(import.meta.dirname, 'src/cdn.ts'), formats: ['es'], fileName: () => 'booking-flow.js' },
        // Annotations such as /* @__PURE__ */ have done their work once the bundle is tree-shaken.
        // The live stream (src/api/change-stream.ts) is a chunk of its own beside the bundle, loaded once a
        // loader is on the page: no part of the first paint.
        // The chunks beside it import what they share with the bundle from the bundle itself ('allow-extension'):
        // otherwise the shared code would move into a third file that the bundle had to import at start.
        rolldownOptions: {
          preserveEntrySignatures: 'allow-extension',
          output: { minify: true, comments: { annotation: false }, chunkFileNames: '[name].js' },
        },
      },
    };
  }
  return {
    root: 'demo',
    publicDir: false,
    plugins: [minifyTemplates()],
    build: {
      target: 'es2022',
      // Browsers with light-dark(): for older ones Vite's CSS minifier rewrites it into variables that follow a
      // color-scheme declared in the page's CSS, not the one the flow sets on itself (theme="dark", the toggle).
      cssTarget: ['chrome123', 'firefox120', 'safari17.5'],
      outDir: resolve(import.meta.dirname, 'dist/demo'),
      emptyOutDir: true,
      rolldownOptions: {
        input: Object.fromEntries(
          ['index', 'dark', 'brand', 'phone'].map((page) => [page, resolve(import.meta.dirname, `demo/${page}.html`)]),
        ),
      },
    },
  };
});
