import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { SPEC_ELEMENTS } from '../build/spec.js';

// The script-tag build as a site owner loads it, from dist/ (npm test builds before the browser tests).
const bundle = '/dist/booking-flow.js';
const german = '/dist/locales/de.js';

describe('dist/booking-flow.js', () => {
  it('registers every element; a second copy of the same version on the page stays silent and never throws', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      await import(bundle);
      expect(SPEC_ELEMENTS.filter((tag) => !customElements.get(tag))).to.deep.equal([]);
      expect(warn.callCount).to.equal(0);
      await import(`${bundle}?second-copy`);
      expect(warn.callCount).to.equal(0);
    } finally {
      warn.restore();
    }
    const el = await fixture(html`<booking-flow proxy-url="/nowhere"></booking-flow>`);
    expect(el.shadowRoot).to.exist;
  });

  it('has every language as a file of its own that imports nothing and registers its words when run', async () => {
    const signatures: Record<string, [string, string]> = {
      ar: ['ar', 'احجز موعدًا'],
      es: ['es', 'Reservar cita'],
      fr: ['fr', 'Prendre rendez-vous'],
      he: ['he', 'קביעת תור'],
      it: ['it', 'Prenota un appuntamento'],
      ja: ['ja', '予約する'],
      nl: ['nl', 'Afspraak maken'],
      pl: ['pl', 'Umów wizytę'],
      'pt-BR': ['pt', 'Agendar horário'],
      tr: ['tr', 'Randevu al'],
    };
    const registry = () =>
      (globalThis as unknown as Record<symbol, Map<string, { bookingRegion?: string }>>)[
        Symbol.for('booking-flow.languages')
      ]!;
    for (const [file, [language, words]] of Object.entries(signatures)) {
      const text = await (await fetch(`/dist/locales/${file}.js`)).text();
      expect(text, file).not.to.match(/\bimport\b/);
      await import(/* @vite-ignore */ URL.createObjectURL(new Blob([text], { type: 'text/javascript' })));
      expect(registry().get(language)?.bookingRegion, file).to.equal(words);
    }
  });

  it('dist/locales/de.js registers German with the bundle on the page, wherever the file is placed', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de"><theme-toggle theme="light"></theme-toggle></div>`);
    const toggle = wrapper.querySelector('theme-toggle')!;
    await (toggle as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(toggle.shadowRoot!.textContent).to.include('Colour theme');
    // Not at locales/de.js beside the bundle: the same file at a URL with no path to the bundle at all (a plugin's
    // assets folder, another host). It imports nothing; it adds its words to the page's registry.
    const text = await (await fetch(german)).text();
    expect(text).not.to.match(/\bimport\b/);
    const elsewhere = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    await import(/* @vite-ignore */ elsewhere);
    await waitUntil(
      () => toggle.shadowRoot!.textContent?.includes('Farbschema') === true,
      'German from the locale file',
    );
  });
});
