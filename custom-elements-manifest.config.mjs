// `npm run analyze` (part of `npm run build`): writes custom-elements.json from the elements' JSDoc.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
