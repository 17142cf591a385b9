import { expect } from '@open-wc/testing';
import { mockProxy } from '../helpers/proxy-mock.js';
import { nextEvent, until } from '../helpers/dom.js';
import { choices, flowWithStep } from '../helpers/one-step.js';

mockProxy();

describe('<service-selector>', () => {
  it('lists every service, or those of its branch attribute, and fires service-selected', async () => {
    const { step } = await flowWithStep('service-selector');
    await until(() => choices(step).length === 2, 'all services');
    step.setAttribute('branch', 'online');
    await until(() => choices(step).length === 1, "the online branch's services");
    expect(choices(step)[0]!.value).to.equal('coaching');
    const chosen = nextEvent(step, 'service-selected');
    choices(step)[0]!.click();
    const { detail } = await chosen;
    expect(detail.serviceId).to.equal('coaching');
    expect(detail.service.durationMinutes).to.equal(60);
  });

  it("follows the flow's preselected branch when it has no branch attribute", async () => {
    const { step } = await flowWithStep('service-selector', { branch: 'berlin' });
    await until(() => choices(step).length === 1, "Berlin's services");
    expect(choices(step)[0]!.value).to.equal('haircut');
  });

  for (const theme of ['light', 'dark']) {
    it(`is accessible in the ${theme} theme`, async () => {
      const { step } = await flowWithStep('service-selector', { theme });
      await until(() => choices(step).length === 2, 'services');
      await expect(step).to.be.accessible();
    });
  }
});
