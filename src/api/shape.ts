/**
 * Checks of JSON from the proxy, with the TypeScript type each one proves. This is valibot's job on the server; in
 * the browser a general validation library costs more than the rest of the data code (about 1.4 KB gzip even for
 * the few checks used here), and the bundle's budget is 20 KB, so the wire format is declared with these instead.
 */

/**
 * Tells where in `value` it does not fit, as a path below it (`.slots[3]`; empty for `value` itself), or `undefined`
 * when it fits. The path is written only on the way out of a failure: a week of times checks without building one.
 */
export interface Shape<T> {
  (value: unknown): string | undefined;
  /** Never set: carries the type that a passing value has. */
  readonly output?: T;
}

interface OptionalShape<T> extends Shape<T | undefined> {
  readonly optional: true;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

type Fields = Record<string, Shape<unknown>>;
type Flatten<T> = { [K in keyof T]: T[K] };
type ObjectOf<F extends Fields> = Flatten<
  { [K in keyof F as F[K] extends OptionalShape<unknown> ? never : K]: Infer<F[K]> } & {
    [K in keyof F as F[K] extends OptionalShape<unknown> ? K : never]?: Infer<F[K]>;
  }
>;

const check =
  <T>(test: (value: unknown) => boolean): Shape<T> =>
  (value) =>
    test(value) ? undefined : '';

export const string = check<string>((value) => typeof value === 'string');

export const boolean = check<boolean>((value) => typeof value === 'boolean');

// Number.isFinite is false for anything but a finite number (it does not convert).
export const number = check<number>(Number.isFinite);

/** A wait in whole seconds, up to an hour. */
export const seconds = check<number>(
  (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 3600,
);

/** A catalog id, as the proxy's config allows them: 1 to 100 characters. */
export const id = check<string>((value) => typeof value === 'string' && value.length > 0 && value.length <= 100);

/** A duration in whole minutes, up to a day. */
export const minutes = check<number>(
  (value) => Number.isInteger(value) && (value as number) > 0 && (value as number) <= 1440,
);

/** An ISO 8601 instant with its offset, e.g. `2025-10-20T07:00:00.000Z`, that is a real date. */
export const instant = check<string>(
  (value) =>
    typeof value === 'string' &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(value) &&
    !Number.isNaN(Date.parse(value)),
);

export const nullable =
  <T>(shape: Shape<T>): Shape<T | null> =>
  (value) =>
    value === null ? undefined : shape(value);

export const optional = <T>(shape: Shape<T>): OptionalShape<T> =>
  Object.assign((value: unknown) => (value === undefined ? undefined : shape(value)), {
    optional: true as const,
  });

export const array =
  <T>(item: Shape<T>): Shape<T[]> =>
  (value) => {
    if (!Array.isArray(value)) return '';
    for (const [index, element] of value.entries()) {
      const wrong = item(element);
      if (wrong !== undefined) return `[${index}]${wrong}`;
    }
    return undefined;
  };

export const object =
  <F extends Fields>(fields: F): Shape<ObjectOf<F>> =>
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return '';
    for (const [key, field] of Object.entries(fields)) {
      const wrong = field((value as Record<string, unknown>)[key]);
      if (wrong !== undefined) return `.${key}${wrong}`;
    }
    return undefined;
  };

/** The first of two shapes that `value` fits. */
export const either =
  <A, B>(a: Shape<A>, b: Shape<B>): Shape<A | B> =>
  (value) =>
    a(value) === undefined ? undefined : b(value);

/** Narrows `value` to the shape's type, or tells where it does not fit. */
export function conform<T>(shape: Shape<T>, value: unknown): { value: T } | { wrong: string } {
  const wrong = shape(value);
  return wrong === undefined ? { value: value as T } : { wrong: `$${wrong}` };
}
