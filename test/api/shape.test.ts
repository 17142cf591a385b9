import { expect } from '@open-wc/testing';
import { CatalogSchema, SlotsResponseSchema } from '../../src/api/schemas.js';
import {
  array,
  conform,
  id,
  instant,
  minutes,
  nullable,
  object,
  optional,
  string,
  type Shape,
} from '../../src/api/shape.js';

const wrongAt = (shape: Shape<unknown>, value: unknown) => {
  const result = conform(shape, value);
  return 'wrong' in result ? result.wrong : undefined;
};

describe('api/shape', () => {
  it('checks strings, ids, minutes and instants', () => {
    expect(wrongAt(string, '')).to.equal(undefined);
    expect(wrongAt(string, 1)).to.equal('$');
    expect(wrongAt(id, 'anna')).to.equal(undefined);
    expect(wrongAt(id, '')).to.equal('$');
    expect(wrongAt(id, 'x'.repeat(101))).to.equal('$');
    expect(wrongAt(minutes, 30)).to.equal(undefined);
    for (const bad of [0, 1.5, 1441, '30', null]) expect(wrongAt(minutes, bad), String(bad)).to.equal('$');
    for (const good of ['2025-10-20T07:00:00.000Z', '2025-10-20T09:00:00+02:00', '2025-10-20T09:00+0200'])
      expect(wrongAt(instant, good), good).to.equal(undefined);
    for (const bad of ['2025-10-20', '2025-10-20T09:00:00', '2025-13-45T09:00:00Z', 'soon', 1760943600000])
      expect(wrongAt(instant, bad), String(bad)).to.equal('$');
  });

  it('names the path of the first thing that does not fit', () => {
    const shape = object({ a: array(object({ b: nullable(id), c: optional(minutes) })) });
    expect(wrongAt(shape, { a: [{ b: null }, { b: 'x', c: 15 }] })).to.equal(undefined);
    expect(wrongAt(shape, { a: [{ b: 'x' }, { b: 'y', c: 0 }] })).to.equal('$.a[1].c');
    expect(wrongAt(shape, { a: [{}] })).to.equal('$.a[0].b');
    expect(wrongAt(shape, { a: {} })).to.equal('$.a');
    expect(wrongAt(shape, [])).to.equal('$');
    expect(wrongAt(shape, null)).to.equal('$');
  });

  it('hands back the value typed, or where it is wrong', () => {
    const slots = {
      service: 'haircut',
      staff: null,
      timeZone: 'UTC',
      durationMinutes: 30,
      slots: ['2025-10-20T07:00:00.000Z'],
    };
    expect(conform(SlotsResponseSchema, slots)).to.deep.equal({ value: slots });
    expect(conform(SlotsResponseSchema, { ...slots, slots: ['2025-10-20T07:00:00.000Z', 'later'] })).to.deep.equal({
      wrong: '$.slots[1]',
    });
    expect(conform(CatalogSchema, { branches: [], services: [{ id: 'a', name: 'A' }], staff: [] })).to.deep.equal({
      wrong: '$.services[0].durationMinutes',
    });
  });
});
