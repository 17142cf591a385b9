import { expect } from '@open-wc/testing';
import { en, type BookingStrings } from '../../src/public/strings.js';
import { formEn } from '../../src/internal/form-strings.js';
import { manageEn } from '../../src/internal/manage-strings.js';
import { searchEn } from '../../src/internal/choice-search.js';
import { stepsEn } from '../../src/internal/step-strings.js';
import { nextEn } from '../../src/internal/next-available-search.js';
import { pageLanguages } from '../../src/public/language-registry.js';
import { ar } from '../../src/locales/ar.js';
import { de } from '../../src/locales/de.js';
import { es } from '../../src/locales/es.js';
import { fr } from '../../src/locales/fr.js';
import { he } from '../../src/locales/he.js';
import { it as italian } from '../../src/locales/it.js';
import { ja } from '../../src/locales/ja.js';
import { nl } from '../../src/locales/nl.js';
import { pl } from '../../src/locales/pl.js';
import { ptBR } from '../../src/locales/pt-BR.js';
import { tr } from '../../src/locales/tr.js';

// Issue 17: every language module says everything English says, with the same placeholders, in every plural form.

const ENGLISH: Record<string, unknown> = { ...en, ...manageEn, ...formEn, ...searchEn, ...stepsEn, ...nextEn };
/** Each module by the language it registers under (pt-BR's words serve every `pt` page). */
const LANGUAGES: Record<string, BookingStrings> = {
  ar,
  de,
  es,
  fr,
  he,
  it: italian,
  ja,
  nl,
  pl,
  pt: ptBR,
  tr,
};

/** What each word that takes arguments is called with: the marked texts must come back in its sentence. */
const TEXT_ARGUMENTS: Record<string, unknown[]> = {
  loading: ['⟨what⟩'],
  couldNotLoad: ['⟨what⟩'],
  withStaff: ['⟨name⟩'],
  heldUntil: ['⟨08:05⟩'],
  holdLeft: ['⟨4:32⟩'],
  atAddress: ['⟨address⟩'],
  optional: ['⟨label⟩'],
  calendarTitle: ['⟨service⟩', '⟨staff⟩'],
  unknownPreselection: [['⟨first⟩', '⟨second⟩']],
  changeStep: ['⟨step⟩'],
};
/** Words that take a count: said for every plural category a language has (0, 1, 2, few, many, other). */
const COUNTED = ['timesAvailable', 'nothingAhead', 'guestEmail', 'removeGuest', 'guestsHint'];
const COUNTS = [0, 1, 2, 3, 5, 11, 22, 100, 101];

/** Every key path of `words` with its value: `busy.few`, `errors.network`, ... */
function entries(words: object, prefix = ''): [string, unknown][] {
  return Object.entries(words as Record<string, unknown>).flatMap(([key, value]): [string, unknown][] =>
    value && typeof value === 'object' ? entries(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

const markers = (args: unknown[]) => args.flat().filter((a): a is string => typeof a === 'string');

describe('language modules (issue 17)', () => {
  for (const [language, words] of Object.entries(LANGUAGES))
    describe(language, () => {
      it('registers its words for its language', () => {
        expect(pageLanguages().get(language)).to.equal(words);
      });

      it('defines every word English defines, of the same kind, and nothing English lacks', () => {
        const english = new Map(entries(ENGLISH));
        const own = new Map(entries(words));
        expect(
          [...english.keys()].filter((key) => !own.has(key)),
          'missing',
        ).to.deep.equal([]);
        expect(
          [...own.keys()].filter((key) => !english.has(key)),
          'unknown',
        ).to.deep.equal([]);
        for (const [key, value] of english) expect(typeof own.get(key), key).to.equal(typeof value);
        for (const [key, value] of own) if (typeof value === 'string') expect(value.trim(), key).to.not.equal('');
      });

      it('keeps every placeholder English has', () => {
        const all = words as unknown as Record<string, (...args: unknown[]) => string>;
        for (const [key, args] of Object.entries(TEXT_ARGUMENTS)) {
          const said = all[key]!(...args);
          for (const marker of markers(args)) expect(said, `${key} says ${marker}`).to.include(marker);
        }
        for (const key of COUNTED) {
          const sentences = COUNTS.map((n) => all[key]!(n));
          for (const sentence of sentences)
            expect(sentence, key)
              .to.be.a('string')
              .and.not.match(/undefined|NaN|\$\{/);
          // The count is in the sentence (in the language's digits) wherever English has it: 3 and 5 read apart.
          expect(all[key]!(3), key).to.not.equal(all[key]!(5));
        }
      });
    });

  it('has a right-to-left direction in Arabic and Hebrew only (their pages mirror; the flow sets dir itself)', async () => {
    const { localeIsRtl } = await import('../../src/internal/settings.js');
    expect(Object.keys(LANGUAGES).filter(localeIsRtl)).to.deep.equal(['ar', 'he']);
  });
});
