type Format = Intl.DateTimeFormat | Intl.NumberFormat;

const made = new Map<string, Format>();

/** One formatter per kind, locale and options: ICU takes milliseconds to build one, and views ask on each render. */
function memo<F extends Format, O>(
  Kind: new (locale: string | undefined, options: O) => F,
  locale: string | undefined,
  options: O,
): F {
  const key = Kind.name + locale + JSON.stringify(options);
  let format = made.get(key) as F | undefined;
  if (!format) made.set(key, (format = new Kind(locale, options)));
  return format;
}

export const dateFormat = (locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  memo(Intl.DateTimeFormat, locale, options);

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  memo(Intl.NumberFormat, locale, options);
