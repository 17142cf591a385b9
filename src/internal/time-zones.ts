import { html, type ReactiveElement } from 'lit';

/** Every zone the browser knows, once a visitor has reached for a time-zone select on this page. */
let zones: string[] = [];

/**
 * `<option>`s for a time-zone select, with `current` selected: that one alone until a visitor reaches for a select
 * (listEveryZone), then every IANA zone the browser knows. Some 400 options cost a first render dearly (issue 18);
 * once they are there, Lit's update of unchanged options touches no DOM.
 */
export const timeZoneOptions = (current: string) =>
  (zones.includes(current) ? zones : [current, ...zones]).map(
    (zone) => html`<option value=${zone} ?selected=${zone === current}>${zone.replaceAll('_', ' ')}</option>`,
  );

/** A visitor focused or pressed `host`'s time-zone select: selects list every zone from now on. */
export function listEveryZone(host: ReactiveElement): void {
  if (zones.length) return;
  zones = Intl.supportedValuesOf('timeZone');
  host.requestUpdate();
}
