import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DemoServer } from './demo-server.js';
import { firefox, webkit, type Engine, type EnginePage } from './engines.js';

// Issue 17: the built demo in the engines besides Chromium. A visitor books, every day of the week is on screen
// (the Sunday Firefox hid, issue 18), and the live stream from the real proxy updates a calendar in place (the
// component tests cannot mock that stream in WebKit). Selectors match within one shadow root each (no descendant
// combinator crosses into one).

/** In-page expressions on the demo, found through shadow roots. */
const deepText = (css: string) =>
  `(() => { const walk = (root) => { for (const el of root.querySelectorAll('*')) { if (el.matches(${JSON.stringify(css)})) return el.textContent; const inner = el.shadowRoot && walk(el.shadowRoot); if (inner != null) return inner; } return null; }; return walk(document); })()`;
const deepAll = (css: string) =>
  `((css) => { const found = []; const walk = (root) => { for (const el of root.querySelectorAll('*')) { if (el.matches(css)) found.push(el); if (el.shadowRoot) walk(el.shadowRoot); } }; walk(document); return found; })(${JSON.stringify(css)})`;
const SLOT = 'button.slot';
const WEEK_SHOWN = `${deepAll('.body[aria-busy="false"]')}.length === 1 && ${deepAll(SLOT)}.length > 0`;

async function annasWeek(page: EnginePage): Promise<void> {
  await page.click('label', /Berlin Mitte/);
  await page.click('label', /Haircut/);
  await page.click('label', /Anna Berg/);
  await page.until(WEEK_SHOWN, "Anna's week");
}

for (const launch of [firefox, webkit])
  describe(`the demo in ${launch.name === 'firefox' ? 'Firefox ESR (WebDriver BiDi)' : 'WebKitGTK (WebDriver)'}`, () => {
    const demo = new DemoServer();
    let engine: Engine;
    before(async () => {
      await demo.start(0, undefined, { chromium: false });
      engine = await launch();
    });
    after(async () => {
      await engine?.close();
      await demo.close();
    });

    it('books a time: location, service, staff, a time, name and email, then the receipt', async () => {
      const page = await engine.open(demo.url, 1280);
      await annasWeek(page);
      const label = await page.run<string>(`${deepAll(SLOT)}[0].getAttribute('aria-label')`);
      await page.click(SLOT);
      await page.until(`${deepAll('#name')}.length === 1`, 'the form');
      await page.type('#name', 'Ada Lovelace');
      await page.type('#email', 'ada@example.com');
      await page.click('button[type="submit"]', /Confirm booking/);
      await page.until(`${deepAll('[part="confirmation"]')}.length === 1`, 'the confirmation');
      const receipt = await page.run<string>(deepText('[part="confirmation"]'));
      assert.match(receipt, /Booking confirmed/);
      assert.match(receipt, /Anna Berg/);
      assert.match(receipt, /sbx_/);
      const booked = demo.proxy.sandbox!.data.bookings.at(-1)!;
      assert.equal(booked.attendees[0]!.name, 'Ada Lovelace');
      const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'Europe/Berlin' });
      assert.ok(label.startsWith(weekday.format(booked.start)), `${label}: the time chosen is the one booked`);
      await page.close();
    });

    // As the Chromium layout test (layout.test.ts): every width, a week starting on Monday and one on Sunday.
    for (const width of [320, 768, 1024, 1280])
      for (const [weekStartsOn, firstDay] of [
        ['monday', 'Mon'],
        ['sunday', 'Sun'],
      ] as const)
        it(`shows all seven days at ${width} px, week starting on ${weekStartsOn}, each on screen`, async () => {
          const page = await engine.open(demo.url, width);
          await page.run(`document.querySelector('booking-flow').setAttribute('week-starts-on', '${weekStartsOn}')`);
          await annasWeek(page);
          const layout = await page.run<{
            labels: string[];
            calendarWidth: number;
            strip: number;
            inside: boolean[];
            scrolls: boolean;
          }>(`(() => {
            const calendar = ${deepAll('.calendar')}[0].getBoundingClientRect();
            const labels = ${deepAll('[part="day-label"]')};
            const strip = ${deepAll('[part~="strip-day"]')}.filter((b) => b.checkVisibility());
            const within = (r, o) => r.left >= o.left - 1 && r.right <= o.right + 1 && r.top >= o.top - 1 && r.bottom <= o.bottom + 1;
            return {
              labels: labels.map((l) => l.textContent.trim()),
              calendarWidth: calendar.width,
              strip: strip.length,
              inside: strip.length ? strip.map((b) => within(b.getBoundingClientRect(), { left: 0, top: 0, right: innerWidth, bottom: Infinity }))
                : labels.map((l) => within(l.getBoundingClientRect(), calendar)),
              scrolls: document.documentElement.scrollWidth > innerWidth,
            };
          })()`);
          assert.equal(layout.labels.length, 7);
          assert.ok(layout.labels[0]!.startsWith(firstDay), `${layout.labels[0]} starts the week`);
          // The day strip exactly when the calendar's container is 640 px or narrower (its container query).
          assert.equal(layout.strip, layout.calendarWidth <= 640 ? 7 : 0, `${layout.calendarWidth} px wide`);
          assert.deepEqual(layout.inside, Array(7).fill(true), 'every day (or day button) on screen');
          assert.equal(layout.scrolls, false, 'no sideways scrolling');
          await page.close();
        });

    it("drops a time booked elsewhere from the shown week, through the proxy's live stream", async () => {
      const page = await engine.open(demo.url, 1280);
      await annasWeek(page);
      const [start, count] = await page.run<[string, number]>(
        `[${deepAll(SLOT)}[0].dataset.datetime, ${deepAll(SLOT)}.length]`,
      );
      const answer = await fetch(`${demo.url}/booking-api/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `engines-${Date.now()}` },
        body: JSON.stringify({
          service: 'haircut',
          staff: 'anna',
          start,
          timeZone: 'Europe/Berlin',
          attendee: { name: 'Grace Hopper', email: 'grace@example.com' },
        }),
      });
      assert.equal(answer.status, 201, await answer.clone().text());
      await page.until(`${deepAll(SLOT)}.length === ${count - 1}`, 'the booked time gone');
      const shown = await page.run<string[]>(`${deepAll(SLOT)}.map((b) => b.dataset.datetime)`);
      assert.ok(!shown.includes(start), `${start} is no longer offered`);
      assert.match(await page.run<string>(deepText('.visually-hidden[role="status"]')), /Times updated/);
      await page.close();
    });
  });
