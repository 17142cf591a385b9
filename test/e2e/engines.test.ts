import assert from 'node:assert/strict';
import { it } from 'node:test';
import { EVERY_TIME, SLOT, annasWeek, deepAll, deepText, inEachEngine, pick } from './engines.js';

// Issue 17: the built demo in the engines besides Chromium. A visitor books, every day of the week is on screen
// (the Sunday Firefox hid, issue 18), the live stream from the real proxy updates a calendar in place (the
// component tests cannot mock that stream in WebKit) and comes back after a restart, and the dark and brand pages
// style the elements. Selectors match within one shadow root each (no descendant
// combinator crosses into one).

inEachEngine('the demo', (demo, engine) => {
  it('books a time: location, service, staff, a time, name and email, then the receipt', async () => {
    const page = await engine().open(demo.url, 1280);
    await annasWeek(page, { next: true });
    const label = await pick(page);
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
        const page = await engine().open(demo.url, width);
        await page.run(`document.querySelector('booking-flow').setAttribute('week-starts-on', '${weekStartsOn}')`);
        await annasWeek(page, { next: true });
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
    const page = await engine().open(demo.url, 1280);
    await annasWeek(page, { next: true });
    await page.until(EVERY_TIME, 'every time of the week');
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

  it('reconnects by itself after the proxy restarts, and follows changes again', async () => {
    const page = await engine().open(demo.url, 1280);
    await annasWeek(page, { next: true });
    const port = Number(new URL(demo.url).port);
    await demo.stopServer(); // ends its streams
    await demo.start(port, undefined, { chromium: false });
    const serve = demo.proxy.fetch.bind(demo.proxy);
    // The page's stream comes back with its last id; the new process answers it with a reset, after which the page
    // asks for its week again. Once that request comes, the stream is surely registered for changes.
    await new Promise<void>((reloaded) => {
      let streamBack = false;
      demo.proxy.fetch = (request, info) => {
        const path = new URL(request.url).pathname;
        if (path.endsWith('/events')) streamBack = true;
        else if (streamBack && path.endsWith('/slots')) reloaded();
        return serve(request, info);
      };
    });
    await page.until(`${deepAll('.body[aria-busy="false"]')}.length === 1`, 'the week reloaded');
    await page.until(EVERY_TIME, 'every time of the week');
    const [start, count] = await page.run<[string, number]>(
      `[${deepAll(SLOT)}[0].dataset.datetime, ${deepAll(SLOT)}.length]`,
    );
    const elsewhere = await fetch(`${demo.url}/booking-api/sandbox/book-elsewhere`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'haircut', staff: 'anna', start }),
    });
    assert.equal(elsewhere.status, 201, await elsewhere.clone().text());
    await page.until(`${deepAll(SLOT)}.length === ${count - 1}`, 'the booked time gone after the restart');
    await page.close();
  });

  it('the dark and brand pages: a dark colour scheme, and the brand colour through the public tokens', async () => {
    const page = await engine().open(`${demo.url}/dark.html`, 1024);
    await page.until(`customElements.get('booking-flow') !== undefined`, 'the elements');
    assert.equal(
      await page.run<string>(`getComputedStyle(document.querySelector('booking-flow')).colorScheme`),
      'dark',
    );
    await page.goto(`${demo.url}/brand.html`);
    await page.click('label', /Haircut/);
    const chosen = `${deepAll('service-selector')}[0]?.shadowRoot.querySelector('[part~="selected"]')`;
    await page.until(`Boolean(${chosen})`, 'the chosen service');
    assert.equal(await page.run<string>(`getComputedStyle(${chosen}).borderColor`), 'rgb(138, 59, 18)');
    await page.close();
  });
});
