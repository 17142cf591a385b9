import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SLOT, fillIn, pick, weekWithTimes } from '../e2e/demo-server.js';
import { cssProblems } from './css-check.js';
import type { PageFixture } from './run-page.js';

// What each HTML, JavaScript and CSS block of the docs needs around it and must achieve, by the name its tag gives
// (`<!-- run: html flow -->`). Each check is what the text around the block promises.

const FLOW = '<booking-flow proxy-url="/booking-api" branch="berlin" service="haircut" staff="anna"></booking-flow>';
const ANY_STAFF = '<booking-flow proxy-url="/booking-api" branch="berlin" service="haircut"></booking-flow>';

const times = (page: Page) => page.getByRole('button', { name: SLOT });

/** The first flow's week, settled and with times (this week's or the next's), in any of the docs' languages. */
const weekOfFirstFlow = (page: Page) =>
  weekWithTimes(page.locator('availability-loader').first(), /^(Next week|Nächste Woche|Semaine suivante)$/);

/** Chooses the first time of the first flow with times. */
async function pickTime(page: Page): Promise<void> {
  await weekOfFirstFlow(page);
  await pick(page);
}

async function book(page: Page): Promise<void> {
  await pickTime(page);
  await fillIn(page, 'Ada Lovelace');
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await page.locator('booking-summary [part="confirmation"]').waitFor();
}

/** The public tokens, from the manifest. */
function tokens(): string[] {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
    modules: { declarations?: { tagName?: string; cssProperties?: { name: string }[] }[] }[];
  };
  const flow = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'booking-flow');
  return (flow?.cssProperties ?? []).map((p) => p.name);
}

const cssTakesEffect = (css: string) => async (page: Page) =>
  assert.deepEqual(await cssProblems(page, css, tokens()), []);

/** The fixtures; CSS ones are made with the block's text, which their check reads. */
export function pageFixture(name: string, code: string): PageFixture {
  const fixtures: Record<string, PageFixture> = {
    // The two lines at the top: a visitor goes from a location to times.
    flow: {
      check: async (page) => {
        await page.getByRole('radio', { name: /Berlin Mitte/ }).check();
        await page.getByRole('radio', { name: /Haircut/ }).check();
        await weekOfFirstFlow(page);
        await times(page).first().waitFor();
      },
    },
    // From jsDelivr with integrity: the bundle and the chunk it loads later both come from the CDN and pass SRI.
    cdn: {
      body: FLOW,
      act: pickTime,
      check: async (page) => {
        await page.getByLabel('Name', { exact: true }).waitFor();
        const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
        for (const file of ['booking-flow.js', 'summary-extras.js'])
          assert.ok(loaded.includes(`https://cdn.jsdelivr.net/npm/booking-flow@0.1.0/dist/${file}`), file);
        const integrity = await page.locator('script[integrity]').getAttribute('integrity');
        assert.match(integrity!, /^sha384-[\w+/]{64}$/);
      },
    },
    // Preselected by attributes: Anna's week in German dates and a 24-hour clock.
    attributes: {
      check: async (page) => {
        const germanTime = /^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\b.*, \d{2}:\d{2}, /;
        await weekOfFirstFlow(page);
        await page.getByRole('button', { name: germanTime }).first().waitFor();
        assert.ok(await page.getByRole('radio', { name: /Anna Berg/ }).isChecked());
      },
    },
    // Children leave steps out and reorder them: staff before service, no location or theme step.
    composed: {
      check: async (page) => {
        await page.getByRole('radio', { name: /Haircut/ }).check();
        await weekOfFirstFlow(page);
        const order = await page.evaluate(() =>
          [...document.querySelector('booking-flow')!.children].map((child) => child.localName),
        );
        assert.deepEqual(order, ['staff-selector', 'service-selector', 'availability-loader', 'booking-summary']);
        assert.equal(await page.locator('branch-selector, theme-toggle').count(), 0);
        assert.ok(await page.getByRole('radio', { name: /Anna Berg/ }).isVisible());
      },
    },
    // Step by step in a narrow column (auto), and the browser's Back goes back a step (step-history).
    steps: {
      head: '<style>booking-flow { max-width: 360px; }</style>',
      check: async (page) => {
        const title = (text: string) => page.locator('booking-flow .step-title', { hasText: text }).waitFor();
        await title('Step 1 of 5');
        await page.getByRole('radio', { name: /Berlin Mitte/ }).check();
        await title('Step 2 of 5');
        await page.getByRole('radio', { name: /Haircut/ }).check();
        await title('Step 3 of 5');
        await page.goBack();
        await title('Step 2 of 5');
        assert.ok(await page.getByRole('radio', { name: /Haircut/ }).isVisible());
        assert.equal(await page.getByRole('radio', { name: /Anna Berg/ }).isVisible(), false);
      },
    },
    // The analytics listener hears a real booking with the documented detail.
    analytics: {
      head: '<script>window.analytics = { calls: [], track(...args) { this.calls.push(args); } };</script>',
      body: FLOW,
      act: book,
      check: async (page) => {
        const calls = await page.evaluate(() => (window as unknown as { analytics: { calls: unknown[] } }).analytics.calls);
        assert.equal(calls.length, 1);
        const [name, detail] = calls[0] as [string, Record<string, string>];
        assert.equal(name, 'booked');
        assert.match(detail.uid!, /^sbx_/);
        assert.ok(!Number.isNaN(Date.parse(detail.start!)));
        assert.deepEqual([detail.service, detail.staff], ['haircut', 'anna']);
      },
    },
    // The README's theme on the element; a chosen time shows the accent.
    theme: {
      body: `<div class="my-booking">${FLOW}</div>`,
      act: pickTime,
      check: cssTakesEffect(code),
    },
    // A WordPress theme's presets mapped to the tokens on the block's wrapper.
    'wordpress-theme': {
      head:
        '<style>body { --wp--preset--color--primary: #1e6f5c; --wp--preset--color--base: #fdfdf8; ' +
        '--wp--preset--color--contrast: #231f20; --wp--preset--font-family--body: "Trebuchet MS", sans-serif; }</style>',
      body: `<div class="wp-block-acme-booking">${FLOW}</div>`,
      act: pickTime,
      check: cssTakesEffect(code),
    },
    // de.js beside the bundle: the words turn German.
    german: {
      body: '<booking-flow proxy-url="/booking-api" locale="de-DE" service="haircut"></booking-flow>',
      check: async (page) => {
        await weekOfFirstFlow(page);
        await page.getByRole('button', { name: /\d{2}:\d{2}, 30 Minuten/ }).first().waitFor();
        assert.ok(await page.getByText('Freie Termine', { exact: true }).isVisible());
      },
    },
    // registerStrings('fr', ...): the French words, English for the rest.
    french: {
      body: FLOW.replace('<booking-flow', '<booking-flow locale="fr-FR"'),
      act: pickTime,
      check: async (page) => {
        assert.ok(await page.getByRole('region', { name: 'Prendre rendez-vous' }).isVisible());
        assert.ok(await page.getByRole('button', { name: 'Réserver' }).isVisible());
      },
    },
    // The strings property replaces words on one flow.
    strings: {
      body: ANY_STAFF,
      act: pickTime,
      check: async (page) => {
        assert.ok(await page.getByRole('radio', { name: /Whoever is free/ }).isVisible());
        assert.ok(await page.getByRole('button', { name: 'Book now' }).isVisible());
      },
    },
    // The CMS page's loop over every flow once the element is defined.
    'strings-de': {
      body: ANY_STAFF + ANY_STAFF,
      act: pickTime,
      check: async (page) => {
        assert.ok(await page.getByRole('button', { name: 'Termin anfragen' }).first().isVisible());
        const strings = await page.evaluate(() =>
          [...document.querySelectorAll('booking-flow')].map((flow) => (flow as unknown as { strings: object }).strings),
        );
        assert.deepEqual(strings, [{ confirm: 'Termin anfragen' }, { confirm: 'Termin anfragen' }]);
      },
    },
    // One listener on document hears the booking of any widget.
    datalayer: {
      head: '<script>window.dataLayer = [];</script>',
      body: FLOW,
      act: book,
      check: async (page) => {
        const pushed = await page.evaluate(() => (window as unknown as { dataLayer: Record<string, string>[] }).dataLayer);
        assert.equal(pushed.length, 1);
        assert.equal(pushed[0]!.event, 'booking_confirmed');
        assert.match(pushed[0]!.uid!, /^sbx_/);
      },
    },
  };
  const fixture = fixtures[name];
  assert.ok(fixture, `no page fixture named "${name}"`);
  return fixture;
}
