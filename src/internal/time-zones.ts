import { html, type TemplateResult } from 'lit';

let zones: string[] | undefined;

/** Every IANA zone the browser knows (Intl), read once. */
function allZones(): string[] {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones;
}

/**
 * `<option>`s for a time-zone select, with `current` selected (and listed even if Intl does not name it).
 * Some 400 of them: render them under `guard([current], …)` so other updates skip them.
 */
export function timeZoneOptions(current: string): TemplateResult[] {
  const list = allZones().includes(current) ? allZones() : [current, ...allZones()];
  return list.map((zone) => html`<option value=${zone} ?selected=${zone === current}>${zone.replaceAll('_', ' ')}</option>`);
}
