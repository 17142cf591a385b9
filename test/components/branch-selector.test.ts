import { expect, fixture, html } from '@open-wc/testing';
import { AvailabilityClient } from '../../src/api/availability-client.js';
import type { BranchSelector } from '../../src/components/branch-selector/branch-selector.js';
import { mockProxy } from '../helpers/proxy-mock.js';
import { nextEvent, until } from '../helpers/dom.js';
import { choices, flowWithStep } from '../helpers/one-step.js';
import { press } from '../helpers/keyboard.js';

mockProxy();

describe('<branch-selector>', () => {
  it("lists the catalog's locations and fires branch-selected with the branch", async () => {
    const { step } = await flowWithStep('branch-selector');
    await until(() => choices(step).length === 2, 'two locations');
    expect(choices(step).map((c) => c.value)).to.deep.equal(['berlin', 'online']);
    const chosen = nextEvent(step, 'branch-selected');
    choices(step)[1]!.click();
    const event = await chosen;
    expect(event.detail.branchId).to.equal('online');
    expect(event.detail.branch.name).to.equal('Online');
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('works on its own, without a flow: it loads the catalog with its client', async () => {
    const step = await fixture<BranchSelector>(
      html`<branch-selector .client=${new AvailabilityClient({ baseUrl: '/api' })}></branch-selector>`,
    );
    await until(() => choices(step).length === 2, 'two locations from its own catalog');
    const chosen = nextEvent(step, 'branch-selected');
    choices(step)[0]!.click();
    expect((await chosen).detail.branchId).to.equal('berlin');
    await until(() => choices(step)[0]!.checked, 'its own choice shown');
  });

  it('is chosen with the keyboard alone', async () => {
    const { step } = await flowWithStep('branch-selector');
    await until(() => choices(step).length === 2, 'two locations');
    choices(step)[0]!.focus();
    const chosen = nextEvent(step, 'branch-selected');
    await press('ArrowDown');
    expect((await chosen).detail.branchId).to.equal('online');
  });

  for (const theme of ['light', 'dark']) {
    it(`is accessible in the ${theme} theme`, async () => {
      const { step } = await flowWithStep('branch-selector', { theme });
      await until(() => choices(step).length === 2, 'two locations');
      await expect(step).to.be.accessible();
    });
  }
});
