import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BookingResponseSchema, CatalogSchema, ErrorBodySchema, SlotsResponseSchema } from '../../src/api/schemas.js';
import { conform, type Shape } from '../../src/api/shape.js';
import { createProxy } from '../../src/proxy/handler.js';
import { NOW, WEEK, countingSandbox, demo, get } from './fixtures.js';

// The browser checks answers with its own small schemas (src/api/shape.ts) and the proxy validates requests with
// valibot: this keeps the two sides of the wire in step by passing real answers through the browser's checks.
async function fits<T>(response: Response, shape: Shape<T>): Promise<T> {
  const checked = conform(shape, await response.json());
  assert.ok(
    'value' in checked,
    `answer ${response.status} does not fit the browser's schema at ${'wrong' in checked ? checked.wrong : ''}`,
  );
  return checked.value;
}

describe("proxy answers fit the browser's schemas", () => {
  it('catalog, slots (any staff, one staff, another length), booking and errors', async () => {
    const proxy = createProxy({ config: demo(), upstream: countingSandbox().fetch, now: () => NOW, log: () => {} });
    const catalog = await fits(await get(proxy, '/catalog'), CatalogSchema);
    assert.ok(catalog.services.length > 0 && catalog.staff.length > 0 && catalog.branches.length > 0);
    const any = await fits(await get(proxy, WEEK), SlotsResponseSchema);
    assert.ok(any.slots.length > 0);
    await fits(await get(proxy, `${WEEK}&staff=anna`), SlotsResponseSchema);
    const lengths = catalog.services.find((service) => service.durations?.length);
    assert.ok(lengths?.durations, 'the demo has a service with several lengths');
    const longer = await get(
      proxy,
      `/slots?service=${lengths.id}&start=2025-10-20&end=2025-10-26&timeZone=UTC&duration=${lengths.durations.at(-1)}`,
    );
    assert.equal((await fits(longer, SlotsResponseSchema)).durationMinutes, lengths.durations.at(-1));
    const booked = await get(proxy, '/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service: 'haircut',
        start: any.slots[0],
        timeZone: 'Europe/Berlin',
        attendee: { name: 'Ada', email: 'ada@example.com' },
      }),
    });
    assert.equal(booked.status, 201);
    await fits(booked, BookingResponseSchema);
    for (const path of ['/slots?service=haircut', '/slots?service=nope&start=2025-10-20&end=2025-10-26&timeZone=UTC']) {
      const error = await get(proxy, path);
      assert.ok(error.status >= 400);
      await fits(error, ErrorBodySchema);
    }
  });
});
