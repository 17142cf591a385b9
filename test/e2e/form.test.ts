import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONSULTATION_ANSWERS, DemoServer, nextWeek } from './demo-server.js';

// Issue 15 on the built demo in Chromium, proxy and sandbox as `npm start` runs them: the consultation's questions,
// guests and places go all the way to (simulated) Cal.com; prefill from the page's query; a pending request.
describe('the booking form: end to end in Chromium', () => {
  const demo = new DemoServer();
  before(() => demo.start());
  after(() => demo.close());

  async function consultationNextWeek(query = '') {
    const page = await demo.page();
    // Everything below runs under the demo's CSP (script-src 'self', Trusted Types): any violation is collected.
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { violations: string[] }).violations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    await page.goto(`${demo.url}/${query}`);
    await page.getByRole('radio', { name: /Consultation/ }).check();
    await nextWeek(page.locator('availability-loader'));
    await page.locator('button.slot').first().click();
    await page.getByLabel('What would you like to talk about?').waitFor();
    return page;
  }

  it('books the consultation with every kind of answer, a guest and a call; Cal.com gets them as booking fields', async () => {
    const page = await consultationNextWeek();
    await page.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
    await page.getByLabel('Email', { exact: true }).fill('ada@example.com');
    await page.getByRole('radio', { name: 'By phone' }).check();
    await page.getByLabel('Phone (we will call this number)').fill('+49 30 1234567');
    await page.getByLabel('What would you like to talk about?').fill(CONSULTATION_ANSWERS.topic);
    await page.getByLabel('Hair length today (optional)').selectOption('long');
    await page.getByRole('checkbox', { name: 'Hair care' }).check();
    await page.getByRole('radio', { name: 'No, this is my first visit' }).check();
    // The consent is required: without it the browser refuses to send.
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    const consent = page.getByRole('checkbox', { name: /I agree/ });
    assert.equal(await consent.evaluate((box: HTMLInputElement) => box.validity.valueMissing), true);
    await consent.check();
    await page.getByRole('button', { name: 'Add a guest' }).click();
    await page.getByLabel('Guest 1 email').fill('bob@example.com');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { name: 'Booking confirmed' }).waitFor();
    const booking = demo.proxy.sandbox!.data.bookings.at(-1)!;
    assert.deepEqual(booking.bookingFieldsResponses, {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      ...CONSULTATION_ANSWERS,
    });
    assert.deepEqual(booking.guests, ['bob@example.com']);
    assert.equal(booking.location, '+49301234567');
    assert.deepEqual(booking.metadata, { source: 'booking-flow', origin: demo.url });
    const csp = (await page.request.get(demo.url)).headers()['content-security-policy'] ?? '';
    assert.match(csp, /require-trusted-types-for 'script'; trusted-types lit-html/);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
    await page.context().close();
  });

  it('a colour is a request the salon confirms: the visitor is told so', async () => {
    const page = await demo.page();
    await page.goto(demo.url);
    await page.getByRole('radio', { name: /Colour/ }).check();
    await nextWeek(page.locator('availability-loader'));
    await page.locator('button.slot').first().click();
    await page.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
    await page.getByLabel('Email', { exact: true }).fill('ada@example.com');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { name: 'Booking requested' }).waitFor();
    await page.getByText('Your request was sent. You will get an email once it is confirmed.').waitFor();
    assert.equal(demo.proxy.sandbox!.data.bookings.at(-1)!.status, 'pending');
    await page.context().close();
  });
});
