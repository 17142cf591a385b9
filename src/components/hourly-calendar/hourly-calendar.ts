import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DayInfo, Slot, WeekData, WeekMetadata } from '../../model/week.js';
import { BookingElement } from '../../internal/booking-element.js';
import { availabilityContext, selectionContext, settingsContext, type DisplaySettings, type Selection } from '../../internal/contexts.js';
import { emit } from '../../internal/events.js';
import { defaultSettings } from '../../internal/settings.js';
import type { BookingStrings } from '../../internal/strings.js';
import { slotFormatters, type SlotFormatters } from '../../model/format.js';
import { styles } from './hourly-calendar.styles.js';

/**
 * Shows one week of free times as buttons, grouped by day and hour. It takes the week from the
 * `<availability-loader>` around it, or from its `weekData` and `weekMetadata` properties.
 *
 * @summary A week of bookable times, by day and hour.
 * @tag hourly-calendar
 *
 * @fires {CustomEvent<{ slot: Slot }>} slot-selected - The visitor picked a time.
 *
 * @csspart week - The grid of days.
 * @csspart day - One day's column; also `today` and `past` on those days.
 * @csspart day-label - The day's heading.
 * @csspart hour - A group of the times within one hour.
 * @csspart slot - A time button; also `selected` on the chosen one.
 * @csspart no-slots - The note on a day without free times.
 *
 * @cssprop [--booking-color-accent] - Selected time background and hover border.
 * @cssprop [--booking-color-accent-text] - Selected time text.
 * @cssprop [--booking-color-border] - Time button border.
 */
export class HourlyCalendar extends BookingElement {
  static override styles = [BookingElement.sharedStyles, styles];

  /** Slots by day name; when set, used instead of the loader's week. */
  @property({ attribute: false }) weekData?: WeekData;

  /** The week's days and totals, set together with `weekData`. */
  @property({ attribute: false }) weekMetadata?: WeekMetadata;

  @consume({ context: availabilityContext, subscribe: true }) @state() private contextWeek?: { weekData: WeekData; weekMetadata: WeekMetadata };
  @consume({ context: selectionContext, subscribe: true }) @state() private selection?: Selection;
  @consume({ context: settingsContext, subscribe: true }) @state() private settings?: DisplaySettings;

  /** The chosen time (its fullDatetime) when no <booking-flow> keeps the selection. */
  @state() private chosen?: string;

  private formatters?: SlotFormatters;

  private get week() {
    if (this.weekData && this.weekMetadata) return { weekData: this.weekData, weekMetadata: this.weekMetadata };
    return this.contextWeek;
  }

  private get selectedDatetime(): string | undefined {
    return this.selection ? this.selection.slot?.fullDatetime : this.chosen;
  }

  private select(slot: Slot): void {
    this.chosen = slot.fullDatetime;
    emit(this, 'slot-selected', { slot });
  }

  protected override render() {
    const week = this.week;
    if (!week) return nothing;
    const settings = this.settings ?? defaultSettings(this);
    const timeZone = week.weekMetadata.timeZone;
    if (this.formatters?.key !== `${settings.locale}|${timeZone}|${settings.hourCycle ?? ''}`) {
      this.formatters = slotFormatters(settings.locale, timeZone, settings.hourCycle);
    }
    return html`
      <div class="week" part="week" role="group" aria-label=${settings.strings.availableTimes}>
        ${repeat(week.weekMetadata.days, (day) => day.date, (day) => this.renderDay(day, week.weekData[day.dayName], settings.strings))}
      </div>
    `;
  }

  private renderDay(day: DayInfo, slots: Slot[], t: BookingStrings) {
    const f = this.formatters!;
    const parts = ['day', day.isToday ? 'today' : '', day.isPast ? 'past' : ''].filter(Boolean).join(' ');
    const hours = groupByHour(slots);
    return html`
      <section class="day" part=${parts} aria-labelledby="day-${day.date}">
        <h3 class="day-label" part="day-label" id="day-${day.date}">
          ${day.label}${day.isToday ? html` <span class="today">(${t.today})</span>` : nothing}
        </h3>
        ${slots.length === 0
          ? html`<p class="no-slots" part="no-slots">${t.noTimes}</p>`
          : hours.map(
              ([hour, hourSlots]) => html`
                <div class="hour" part="hour" role="group" aria-label=${f.hour(hourSlots[0]!)} data-hour=${hour}>
                  ${hourSlots.map((slot) => {
                    const selected = slot.fullDatetime === this.selectedDatetime;
                    return html`<button
                      class="slot"
                      part=${selected ? 'slot selected' : 'slot'}
                      aria-pressed=${selected ? 'true' : 'false'}
                      aria-label=${f.fullName(slot)}
                      data-datetime=${slot.fullDatetime}
                      @click=${() => this.select(slot)}
                    >
                      ${f.time(slot)}
                    </button>`;
                  })}
                </div>
              `,
            )}
      </section>
    `;
  }
}

function groupByHour(slots: Slot[]): [string, Slot[]][] {
  const groups = new Map<string, Slot[]>();
  for (const slot of slots) {
    const hour = slot.time.slice(0, 2);
    let group = groups.get(hour);
    if (!group) groups.set(hour, (group = []));
    group.push(slot);
  }
  return [...groups];
}

declare global {
  interface HTMLElementTagNameMap {
    'hourly-calendar': HourlyCalendar;
  }
}
