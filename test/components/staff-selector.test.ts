import { expect } from '@open-wc/testing';
import { mockProxy } from '../helpers/proxy-mock.js';
import { nextEvent, text, until } from '../helpers/dom.js';
import { choices, flowWithStep } from '../helpers/one-step.js';

mockProxy();

describe('<staff-selector>', () => {
  it('asks for a service first, then offers "any available" and the service\'s staff', async () => {
    const { step } = await flowWithStep('staff-selector');
    await until(() => text(step).includes('Choose a service'), 'asks for a service once the catalog is in');
    step.setAttribute('service', 'haircut');
    await until(() => choices(step).length === 2, 'any available and Anna');
    const chosen = nextEvent(step, 'staff-selected');
    choices(step)[1]!.click();
    expect((await chosen).detail).to.include({ staffId: 'anna' });
    const any = nextEvent(step, 'staff-selected');
    choices(step)[0]!.click();
    expect((await any).detail).to.deep.equal({ staffId: null, staff: null });
  });

  for (const theme of ['light', 'dark']) {
    it(`is accessible in the ${theme} theme`, async () => {
      const { step } = await flowWithStep('staff-selector', { theme, service: 'haircut' });
      await until(() => choices(step).length === 2, 'staff');
      await expect(step).to.be.accessible();
    });
  }
});
