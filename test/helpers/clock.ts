import sinon from 'sinon';
import { NOW } from './proxy-mock.js';

/**
 * Freezes `Date` (only: timers run as usual) at `now` for every test of the suite this is called in; `ahead(ms)`
 * moves it on.
 */
export function frozenDate(now = NOW): { ahead(ms: number): void } {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now, toFake: ['Date'] })));
  afterEach(() => clock.restore());
  return { ahead: (ms) => clock.setSystemTime(Date.now() + ms) };
}
