import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { DemoServer, annasNextWeek, fillIn, nextWeek, pick } from './demo-server.js';

// Issue 14 on the built demo in Chromium: holds that leave with the page, the calendar file, change and cancel.
describe('hold, change, cancel: end to end in Chromium', () => {
  const demo = new DemoServer();
  before(() => demo.start());
  after(() => demo.close());

  it('lets the hold go when the visitor closes the page: the time comes back to the other calendar live', async () => {
    const [leaving, watching] = [await demo.page(), await demo.page()];
    await annasNextWeek(leaving, demo.url);
    await annasNextWeek(watching, demo.url);
    const label = await pick(leaving);
    await watching.getByRole('button', { name: label, exact: true }).waitFor({ state: 'detached', timeout: 5_000 });
    assert.equal(demo.proxy.sandbox!.data.reservations?.length, 1);
    // The other calendar may hear of the hold before the holder's page has its answer (and so the uid to let go).
    await leaving.locator('booking-summary [part="hold"]').waitFor();
    await leaving.close(); // pagehide: a keepalive POST lets the hold go
    await watching.getByRole('button', { name: label, exact: true }).waitFor({ timeout: 5_000 });
    assert.deepEqual(demo.proxy.sandbox!.data.reservations, []);
    await watching.context().close();
  });

  it('books, downloads the .ics, moves the booking with "Change", then cancels it; the link says so after', async () => {
    const page = await demo.page();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await annasNextWeek(page, demo.url);
    const first = await pick(page);
    await fillIn(page, 'Ada Lovelace');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    const confirmation = page.locator('booking-summary [part="confirmation"]');
    await confirmation.waitFor();
    const uid = /sbx_\w+/.exec(await confirmation.innerText())![0];

    // The calendar file, made in the browser, parsed by a real iCalendar parser.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Calendar file (.ics)' }).click();
    const file = await (await download).path();
    const event = new ICAL.Event(
      ICAL.Component.fromString(await readFile(file, 'utf8')).getFirstSubcomponent('vevent')!,
    );
    const booked = demo.proxy.sandbox!.data.bookings.find((b) => b.uid === uid)!;
    assert.equal(event.uid, `${uid}@booking-flow`);
    assert.equal(event.startDate.toJSDate().getTime(), booked.start);
    assert.equal(event.endDate.toJSDate().getTime(), booked.end);
    assert.equal(event.summary, 'Haircut with Anna Berg');
    assert.match(event.location, /Torstraße 1/);
    const google = await page.getByRole('link', { name: 'Google Calendar' }).getAttribute('href');
    assert.match(google!, /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE/);

    // Change: the same service and person, another time.
    await page.getByRole('button', { name: 'Change' }).click();
    await page.getByRole('heading', { name: 'Change your booking' }).waitFor();
    const second = await pick(page, 2);
    assert.notEqual(second, first);
    await page.getByLabel('Reason for the change (optional)').fill('Train late');
    await page.getByRole('button', { name: 'Move my booking' }).click();
    await page.getByRole('heading', { name: 'Booking moved' }).waitFor();
    const moved = demo.proxy.sandbox!.data.bookings.find((b) => b.rescheduledFromUid === uid)!;
    assert.equal(booked.status, 'cancelled', 'the old booking is cancelled');
    assert.equal(moved.reschedulingReason, 'Train late');
    assert.equal(moved.host, 'anna-berg');
    // The old time is free again, in this very calendar.
    await page.getByRole('button', { name: first, exact: true }).waitFor({ timeout: 5_000 });

    // Cancel the moved booking, with a reason.
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByLabel('Reason (optional)').fill('Ill');
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByRole('heading', { name: 'Booking cancelled' }).waitFor();
    assert.equal(moved.status, 'cancelled');
    assert.equal(moved.cancellationReason, 'Ill');

    // The links the visitor keeps now say what happened, not an error page.
    await page.goto(`${demo.url}/?reschedule=${moved.uid}`);
    await page.getByText('This booking was cancelled.').waitFor();
    await page.goto(`${demo.url}/?reschedule=${uid}`);
    await page.getByText('This booking was moved to another time.').waitFor();
    await page.goto(`${demo.url}/?reschedule=sbx_nosuchbooking`);
    await page.getByText('We could not find this booking.').waitFor();
    await page.getByRole('button', { name: 'Book a new appointment' }).click();
    await page.getByText('Choose a time to continue.').waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('opens a booking from its link (?reschedule=uid) on the same service and person, and moves it', async () => {
    const page = await demo.page();
    await annasNextWeek(page, demo.url);
    await pick(page);
    await fillIn(page, 'Grace Hopper');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    const confirmation = page.locator('booking-summary [part="confirmation"]');
    await confirmation.waitFor();
    const uid = /sbx_\w+/.exec(await confirmation.innerText())![0];

    const later = await demo.page();
    await later.goto(`${demo.url}/?reschedule=${uid}`);
    await later.getByRole('heading', { name: 'Current booking' }).waitFor();
    assert.equal(await later.getByRole('radio', { name: /Haircut/ }).isChecked(), true);
    assert.equal(await later.getByRole('radio', { name: /Anna Berg/ }).isChecked(), true);
    // The week after this one always has free times of Anna's (this one may have none left).
    await later.locator('availability-loader .body[aria-busy="false"]').waitFor();
    await nextWeek(later.locator('availability-loader'));
    await pick(later, 1);
    await later.getByRole('button', { name: 'Move my booking' }).click();
    await later.getByRole('heading', { name: 'Booking moved' }).waitFor();
    assert.equal(demo.proxy.sandbox!.data.bookings.find((b) => b.uid === uid)?.status, 'cancelled');
    await Promise.all([page.context().close(), later.context().close()]);
  });
});
