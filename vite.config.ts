import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

// `vite build`            -> dist/demo/: the demo pages (default, dark, brand), served by `npm start` beside the proxy.
// `vite build --mode cdn` -> dist/booking-flow.js: one self-contained, minified ES module for a <script> tag.
export default defineConfig(({ mode }) => {
  if (mode === 'cdn') {
    return {
      publicDir: false,
      // Lit's html`` and css`` templates are text to the minifier: squeeze their whitespace and comments too.
      plugins: [minifyTemplateLiterals()],
      build: {
        target: 'es2022',
        outDir: 'dist',
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: resolve(import.meta.dirname, 'src/cdn.ts'), formats: ['es'], fileName: () => 'booking-flow.js' },
        // Annotations such as /* @__PURE__ */ have done their work once the bundle is tree-shaken.
        rolldownOptions: { output: { minify: true, comments: { annotation: false } } },
      },
    };
  }
  return {
    root: 'demo',
    publicDir: false,
    build: {
      target: 'es2022',
      outDir: resolve(import.meta.dirname, 'dist/demo'),
      emptyOutDir: true,
      rolldownOptions: {
        input: Object.fromEntries(['index', 'dark', 'brand'].map((page) => [page, resolve(import.meta.dirname, `demo/${page}.html`)])),
      },
    },
  };
});
