// Lit's html`` and css`` templates are text to the minifier: squeeze their whitespace and comments too, and the
// quotes around attribute values that need none (the HTML parser reads `a=${x}` as Lit writes it). The script-tag
// build uses it (vite.config.ts), and so do the demo's build and the component tests: they see the markup that
// dist/booking-flow.js ships, not the source's.

/** Options of rollup-plugin-minify-template-literals. */
export const templateMinifyOptions = { options: { minifyOptions: { removeAttributeQuotes: true } } };
