import { expect } from '@open-wc/testing';
import type { Catalog } from '../../src/api/schemas.js';
import { catalog, mockProxy } from '../helpers/proxy-mock.js';
import { deep, deepAll, nextEvent, text, until } from '../helpers/dom.js';
import { focused, press, typeText } from '../helpers/keyboard.js';
import { choices, flowWithStep } from '../helpers/one-step.js';

const proxy = mockProxy();

// Issue 19: past six options a step is a compact list with a search field (a chunk beside the bundle); staff show
// their picture and a line about them.
const NAMES = ['Balayage', 'Beard trim', 'Blow-dry', 'Bridal hair', 'Full colour', 'Root colour', 'Perm', 'Toner'];
const dense: Catalog = {
  ...catalog,
  services: NAMES.map((name, i) => ({ id: `s${i}`, name, durationMinutes: 30 + i * 15 })),
  staff: [
    {
      id: 'chloe',
      name: 'Chloé Martin',
      bio: 'Colour specialist.',
      avatarUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
      serviceIds: ['s0'],
    },
    { id: 'ben', name: 'Ben Okafor', serviceIds: ['s0'] },
  ],
};

const search = (step: Element) => deepAll<HTMLInputElement>(step, 'input[type="search"]')[0];
const labels = (step: Element) =>
  choices(step).map((c) => c.closest('label')!.querySelector('.choice-label')!.textContent.trim());

describe('long lists', () => {
  beforeEach(() => (proxy.catalog = dense));

  it('searches a list of more than six, by every word typed, and says how many match', async () => {
    const { step } = await flowWithStep('service-selector');
    await until(() => Boolean(search(step)), 'the search field');
    const field = search(step)!;
    expect(field.getAttribute('aria-label')).to.equal('Search services');
    expect(choices(step)).to.have.length(8);
    field.focus();
    await typeText('COL');
    await until(() => choices(step).length === 2, 'two colours');
    expect(labels(step)).to.deep.equal(['Full colour', 'Root colour']);
    expect(deep(step, '[role="status"]').textContent.trim()).to.equal('2 of 8 shown');
    await typeText(' roo');
    await until(() => choices(step).length === 1, 'every word must match');
    expect(labels(step)).to.deep.equal(['Root colour']);
  });

  it('keeps the chosen option in view and goes from the field to the list with ArrowDown', async () => {
    const { step } = await flowWithStep('service-selector', { service: 's6' });
    await until(() => Boolean(search(step)) && choices(step).some((c) => c.checked), 'Perm chosen');
    search(step)!.focus();
    await typeText('bri');
    await until(() => choices(step).length === 2, 'Bridal hair and the chosen Perm');
    expect(labels(step)).to.deep.equal(['Bridal hair', 'Perm']);
    await press('ArrowDown');
    expect(focused()).to.equal(choices(step).find((c) => c.checked));
    const chosen = nextEvent(step, 'service-selected');
    await press('ArrowUp');
    expect((await chosen).detail.serviceId).to.equal('s3');
  });

  it('finds a name without its accents, and shows staff pictures and their line', async () => {
    proxy.catalog = {
      ...dense,
      staff: [...dense.staff, ...NAMES.map((name, i) => ({ id: `p${i}`, name: `${name} Person`, serviceIds: ['s0'] }))],
    };
    const { step } = await flowWithStep('staff-selector', { service: 's0' });
    await until(() => Boolean(search(step)), 'the search field over eleven staff');
    expect(text(step)).to.include('Colour specialist.');
    const picture = deep<HTMLImageElement>(step, 'img[part="image"]');
    expect(picture.alt).to.equal('');
    expect(picture.src).to.equal(dense.staff[0]!.avatarUrl);
    search(step)!.focus();
    await typeText('chloe');
    // "Any available" is the staff step's choice until another is made: it stays.
    await until(() => choices(step).length === 2, 'Chloé');
    expect(labels(step)).to.deep.equal(['Any available', 'Chloé Martin']);
  });

  it('shows no search for six or fewer', async () => {
    proxy.catalog = catalog;
    const { step } = await flowWithStep('service-selector');
    await until(() => choices(step).length === 2, 'two services');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(search(step)).to.equal(undefined);
  });

  for (const theme of ['light', 'dark'])
    it(`is accessible in the ${theme} theme, searched and not`, async () => {
      const { step } = await flowWithStep('service-selector', { theme });
      await until(() => Boolean(search(step)), 'the search field');
      await expect(step).to.be.accessible();
      search(step)!.focus();
      await typeText('col');
      await until(() => choices(step).length === 2, 'two colours');
      await expect(step).to.be.accessible();
    });
});
