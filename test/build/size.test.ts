import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

// The size budget of the script-tag build (package.json "sizeBudget": 22 KB gzip with the whole stack, issue 12), checked on every
// `npm test`: the suite fails as soon as the bundle grows past it.
const { sizeBudget } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  sizeBudget: { file: string; gzipBytes: number };
};

describe('size budget', () => {
  it('keeps every language but English out of the bundle (each is a file in dist/locales)', () => {
    const bundle = readFileSync(sizeBudget.file, 'utf8');
    const languages = readdirSync('dist/locales').filter((file) => file.endsWith('.js'));
    assert.equal(languages.length, 11);
    // Each language's first word (bookingRegion), read from its built file: none is in the bundle.
    for (const file of languages) {
      const words = /bookingRegion:`([^`]+)`/.exec(readFileSync(`dist/locales/${file}`, 'utf8'))?.[1];
      assert.ok(words, `${file} has its words`);
      assert.ok(!bundle.includes(words), `${file}'s "${words}" is in the bundle`);
    }
  });

  it(`keeps ${sizeBudget.file} within its gzip budget`, () => {
    const gzip = gzipSync(readFileSync(sizeBudget.file), { level: 9 }).length;
    console.log(
      `${sizeBudget.file}: ${(gzip / 1024).toFixed(1)} KB gzip (budget ${(sizeBudget.gzipBytes / 1024).toFixed(1)} KB)`,
    );
    assert.ok(gzip <= sizeBudget.gzipBytes, `${gzip} bytes gzip is over the budget of ${sizeBudget.gzipBytes}`);
  });
});
