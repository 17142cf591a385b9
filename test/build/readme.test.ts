import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { withApiTables } from '../../scripts/api-docs.mjs';

describe('README.md', () => {
  it('starts with the install-and-start command and npm test', () => {
    const readme = readFileSync('README.md', 'utf8');
    const firstBlock = readme.slice(readme.indexOf('```sh'), readme.indexOf('```', readme.indexOf('```sh') + 5));
    assert.match(firstBlock, /npm install && npm start/);
    assert.match(firstBlock, /npm test/);
  });

  it('holds the element reference generated from the current custom-elements.json', () => {
    const readme = readFileSync('README.md', 'utf8');
    const manifest: unknown = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
    assert.equal(readme, withApiTables(readme, manifest), 'run npm run build to regenerate the README tables');
    for (const tag of ['booking-flow', 'hourly-calendar', 'booking-summary'])
      assert.ok(readme.includes(`### \`<${tag}>\``));
  });
});
