import { html, type TemplateResult } from 'lit';

let zones: string[] | undefined;

/** Every IANA zone the browser knows (Intl), read once. */
function allZones(): string[] {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones;
}

let last: { current: string; options: TemplateResult[] } | undefined;

/**
 * `<option>`s for a time-zone select, with `current` selected (and listed even if Intl does not name it).
 * Some 400 of them: the same array is handed back while `current` stays, so a loader update rebuilds none.
 */
export function timeZoneOptions(current: string): TemplateResult[] {
  if (last?.current !== current) {
    const list = allZones().includes(current) ? allZones() : [current, ...allZones()];
    last = {
      current,
      options: list.map(
        (zone) => html`<option value=${zone} ?selected=${zone === current}>${zone.replaceAll('_', ' ')}</option>`,
      ),
    };
  }
  return last.options;
}
