import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { medianChange, percentChange, stats } from '../../scripts/bench/stats.js';

// The bench's figures for issue 18: the change of a median between two bundles, and the interval it comes with.
const runs = [212, 198, 230, 205, 221, 215, 190, 247, 209, 201, 226, 218, 195, 238, 213];

describe('bench stats', () => {
  it('gives the median and the sorted runs', () => {
    const s = stats(runs);
    assert.equal(s.median, 213);
    assert.equal(s.runs, 15);
    assert.deepEqual(
      s.values,
      [...runs].sort((a, b) => a - b),
    );
  });

  it('gives the change of the median, inside an interval that the spread of the runs widens', () => {
    const { change, low, high } = medianChange(
      runs,
      runs.map((ms) => ms * 0.6),
    );
    assert.ok(Math.abs(change + 0.4) < 1e-9, `change ${change}`);
    // The sets are resampled each on its own (a run of one bundle is not a twin of the other's): the interval is
    // as wide as the runs are spread, here some ±4 %.
    assert.ok(low < change && change < high, `${low} < ${change} < ${high}`);
    assert.ok(high - low > 0.04 && high - low < 0.2, `interval ${low} to ${high}`);
    const steady = medianChange(
      runs,
      runs.map(() => 127.8),
    );
    assert.ok(Math.abs(steady.change + 0.4) < 1e-9 && steady.high - steady.low < high - low, 'steadier runs, narrower');
  });

  it('repeats its interval from one run of the bench to the next', () => {
    const after = runs.map((ms) => ms - 80);
    assert.deepEqual(medianChange(runs, after), medianChange(runs, after));
  });

  it('writes a change as the README gives it', () => {
    assert.equal(
      percentChange({ change: -0.383, low: -0.44, high: -0.3149 }),
      '−38.3 % (95 % interval −44.0 % to −31.5 %)',
    );
  });
});
