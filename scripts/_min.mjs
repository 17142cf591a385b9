import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
const gz = (s) => gzipSync(s, { level: 9 }).length;
const min = readFileSync('dist/booking-flow.js', 'utf8');
console.log('oxc', gz(min));
const sets = {
  basic: { module: true, compress: { passes: 2 }, mangle: true },
  ecma: { module: true, ecma: 2022, compress: { passes: 3, ecma: 2022 }, mangle: true },
  unsafe: {
    module: true,
    ecma: 2022,
    compress: {
      passes: 3,
      ecma: 2022,
      unsafe: true,
      unsafe_arrows: true,
      unsafe_methods: true,
      unsafe_comps: true,
      pure_getters: true,
      hoist_funs: true,
    },
    mangle: true,
  },
  nomangle: {
    module: true,
    ecma: 2022,
    compress: { passes: 3, ecma: 2022, unsafe_arrows: true, pure_getters: true },
    mangle: false,
  },
  mangleonly: { module: true, ecma: 2022, compress: false, mangle: true },
};
for (const [k, o] of Object.entries(sets)) {
  const r = await minify(min, o);
  console.log(k, r.code.length, gz(r.code));
}
