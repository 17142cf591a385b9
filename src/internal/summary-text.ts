import { formEn } from './form-strings.js';
import { html } from 'lit';
import type { Catalog } from '../api/schemas.js';
import type { DisplaySettings, Selection } from './contexts.js';
import { dateFormat } from '../model/intl.js';

export interface BookingRowsInput {
  catalog?: Catalog;
  selection: Selection;
  settings: DisplaySettings;
  /** The booking's own start, end and staff once it is made; the chosen slot's before. */
  start?: string;
  end?: string;
  staff?: string | null;
}

/** Branch, service, staff, date and time, as the visitor will read them. */
export function bookingRows({ catalog, selection, settings, start, end, staff }: BookingRowsInput): [string, string][] {
  const { branchId, serviceId, staffId, slot } = selection;
  const from = new Date(start ?? slot?.fullDatetime ?? 0);
  const to = end ? new Date(end) : new Date(from.getTime() + (slot?.durationMinutes ?? 0) * 60_000);
  const { locale, timeZone, hourCycle } = settings;
  const date = dateFormat(locale, { dateStyle: 'full', timeZone }).format(from);
  const time = dateFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    hourCycle,
    timeZone,
    timeZoneName: 'short',
  });
  // The rows' words come with the form's chunk, like this module.
  const t = { ...formEn, ...settings.strings };
  const rows: [string, string][] = [];
  const branch = catalog?.branches.find((b) => b.id === branchId);
  if (branch) rows.push([t.location, branch.address ? `${branch.name}, ${branch.address}` : branch.name]);
  rows.push([t.service, catalog?.services.find((s) => s.id === serviceId)?.name ?? serviceId ?? '']);
  rows.push([t.staff, catalog?.staff.find((s) => s.id === (staff ?? staffId))?.name ?? t.anyStaff]);
  rows.push([t.date, date]);
  rows.push([t.time, time.formatRange(from, to)]);
  return rows;
}

/**
 * The rows as a description list; `extra` rows (the reference) follow. Each value is isolated (`<bdi>`): a time
 * range in words of the other direction ("10:00–10:30 CET" on a right-to-left page) keeps its own order.
 */
export function summaryList(rows: [string, string][], extra: unknown = '') {
  return html`
    <dl class="summary" part="summary">
      ${rows.map(
        ([term, value]) =>
          html`<div>
            <dt>${term}</dt>
            <dd><bdi>${value}</bdi></dd>
          </div>`,
      )}
      ${extra}
    </dl>
  `;
}
