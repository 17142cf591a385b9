import { html } from 'lit';
import { addDays, type IsoDate } from '../model/dates.js';
import type { DisplaySettings } from './contexts.js';
import { timeZoneOptions } from './time-zones.js';
import { dateFormat } from '../model/intl.js';

export interface WeekToolbar {
  hidden: boolean;
  weekStart: IsoDate;
  currentWeekStart: IsoDate;
  atCurrentWeek: boolean;
  timeZone: string;
  settings: DisplaySettings;
  goToWeek: (weekStart: IsoDate) => void;
  changeTimeZone: (timeZone: string) => void;
  /** The visitor reached for the zone select: render it with every zone (see listEveryZone). */
  listZones: () => void;
}

/** The week's dates, e.g. "20–26 Oct 2025". */
function weekLabel(locale: string, weekStart: IsoDate): string {
  const format = dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(new Date(`${weekStart}T00:00:00Z`), new Date(`${addDays(weekStart, 6)}T00:00:00Z`));
}

/** The loader's toolbar: previous, this and next week, the week's dates, and the time-zone switcher. */
export function weekToolbar(bar: WeekToolbar) {
  const t = bar.settings.strings;
  return html`
    <div class="toolbar" part="toolbar" ?hidden=${bar.hidden}>
      <button
        class="button nav"
        part="nav-button"
        aria-label=${t.previousWeek}
        ?disabled=${bar.atCurrentWeek}
        @click=${() => bar.goToWeek(addDays(bar.weekStart, -7))}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <p class="week-label" part="week-label"><bdi>${weekLabel(bar.settings.locale, bar.weekStart)}</bdi></p>
      <button
        class="button nav"
        part="nav-button"
        aria-label=${t.nextWeek}
        @click=${() => bar.goToWeek(addDays(bar.weekStart, 7))}
      >
        <span aria-hidden="true">›</span>
      </button>
      <button
        class="button"
        part="nav-button"
        ?disabled=${bar.atCurrentWeek}
        @click=${() => bar.goToWeek(bar.currentWeekStart)}
      >
        ${t.thisWeek}
      </button>
      <label class="zone" part="time-zone">
        <span>${t.timeZone}</span>
        <select
          @change=${(e: Event) => bar.changeTimeZone((e.target as HTMLSelectElement).value)}
          @focus=${bar.listZones}
          @pointerdown=${bar.listZones}
        >
          ${timeZoneOptions(bar.timeZone)}
        </select>
      </label>
    </div>
  `;
}
