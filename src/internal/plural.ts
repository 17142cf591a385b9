/**
 * For a language with two forms of a counted word: `one` where its plural rules say one (1 in most languages, 0
 * and 1 in French and Brazilian Portuguese), `other` for every other count ("many", for millions, included).
 */
export function oneOrOther(locale: string): (n: number, one: string, other: string) => string {
  const rules = new Intl.PluralRules(locale);
  return (n, one, other) => (rules.select(n) === 'one' ? one : other);
}
