import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { registerStrings } from '../../src/public/strings.js';
import { mockProxy } from '../helpers/proxy-mock.js';
import { deep, text, until } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';

mockProxy();

// Languages other than English are modules of their own: this page starts without German.
describe('locales: words registered after the elements rendered', () => {
  frozenDate();

  it('speaks English until German arrives, then German in the flow and in lone elements', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="de-DE">
        <booking-flow proxy-url="/api" time-zone="Europe/Berlin" theme="light" service="haircut"></booking-flow>
        <theme-toggle></theme-toggle>
      </div>
    `);
    const flow = wrapper.querySelector('booking-flow')!;
    const lone = wrapper.querySelector('theme-toggle')!;
    await until(() => text(deep(flow, 'staff-selector')).includes('Any available'), 'English first');
    expect(text(lone)).to.include('Colour theme');

    await import('../../src/locales/de.js');
    await until(() => text(deep(flow, 'staff-selector')).includes('Beliebig'), 'German after the module ran');
    expect(text(deep(flow, 'booking-summary'))).to.include('Wählen Sie einen Termin');
    await until(() => text(lone).includes('Farbschema'), 'the lone toggle in German');
    await expect(flow).to.be.accessible();
  });

  it('takes any language, English filling the words it leaves out', async () => {
    registerStrings('fr', { anyStaff: 'N’importe qui', confirm: 'Réserver' });
    const el = await fixture<HTMLElement>(
      html`<booking-flow
        proxy-url="/api"
        locale="fr-FR"
        time-zone="Europe/Paris"
        theme="light"
        service="haircut"
      ></booking-flow>`,
    );
    await until(() => text(deep(el, 'staff-selector')).includes('N’importe qui'), 'French word');
    expect(text(deep(el, 'staff-selector'))).to.include('Staff');
  });
});
