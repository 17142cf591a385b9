import { html, nothing, type PropertyDeclarations } from 'lit';
import type { IsoDate } from '../../model/dates.js';
import {
  busyness,
  busyText,
  groupByPartOfDay,
  type DayInfo,
  type Slot,
  type WeekData,
  type WeekMetadata,
} from '../../model/week.js';
import { BookingElement } from '../../internal/booking-element.js';
import { availabilityContext, catalogContext, consumer, selectionContext } from '../../internal/contexts.js';
import { emit } from '../../public/events.js';
import type { BookingStrings } from '../../public/strings.js';
import { slotFormatters, type SlotFormatters } from '../../model/format.js';
import { FocusTarget } from '../../internal/focus-handover.js';
import { requestWeek } from '../../internal/week-request.js';
import { slotAfterKey } from '../../model/week-keys.js';
import { styles } from './hourly-calendar.styles.js';

/**
 * Times a day adds per frame. Where a day's column holds one time a line (a calendar narrower than about 1,200px),
 * 12 fill the default 32rem height in the first frame (9 show); fewer would show the calendar filling in. Where a
 * line holds two or more (a wider calendar, or the shown day's grid in a narrow one), the first frame fills less of
 * it and the rest come a frame later. Rendering the bench's whole week (16 a day) in the first frame gained its
 * first paint nothing: the work moves into that frame (issue 18, measured 2026-12-07).
 */
const ROWS = 12;

/**
 * Shows one week of free times as buttons, grouped by day and by part of day
 * (morning, afternoon, evening, each with its count). It takes the week from the
 * `<availability-loader>` around it, or from its `weekData` and `weekMetadata` properties.
 *
 * The week is one tab stop: arrow keys move between times (up/down) and days (left/right, in the reading
 * direction: the week runs right to left under `dir="rtl"`), Home and End go to a day's first and last time,
 * PageUp and PageDown ask for the previous and next week. In a narrow container (640px or less) the week becomes a
 * strip of days above the chosen day's times.
 *
 * A long week comes in a few rows a frame: the first update renders each day's first 12 times (more than the
 * calendar's default height shows) and the time with the tab stop, and each following frame 12 more, so that no
 * frame waits on hundreds of buttons (a time every 15 minutes, day and night, is 672). A week refreshed in place
 * keeps its rows. The week's times share two listeners (click and focus) rather than two on each button.
 *
 * @summary A week of bookable times, by day and part of day.
 * @tag hourly-calendar
 *
 * @fires {CustomEvent<{ slot: Slot }>} slot-selected - The visitor picked a time.
 *
 *
 * @csspart week - The grid of days.
 * @csspart day - One day's column; also `today`, `past`, and `busy-none`, `busy-few` or `busy-many`.
 * @csspart busy - The day's "fully booked / few / many" note.
 * @csspart day-strip - The row of day buttons in a narrow container.
 * @csspart strip-day - One day button of the strip; also `selected` on the shown day.
 * @csspart day-label - The day's heading.
 * @csspart period - The times of one part of the day (morning, afternoon, evening).
 * @csspart period-label - Its heading and count.
 * @csspart slot - A time button; also `selected` on the chosen one.
 * @csspart no-slots - The note on a day without free times.
 *
 * @cssprop [--booking-color-accent] - Selected time background and hover border.
 * @cssprop [--booking-color-accent-text] - Selected time text.
 * @cssprop [--booking-color-border] - Time button border.
 */
export class HourlyCalendar extends BookingElement {
  static override styles = [BookingElement.sharedStyles, styles];

  static override properties: PropertyDeclarations = {
    weekData: { attribute: false },
    weekMetadata: { attribute: false },
    chosen: { state: true },
    active: { state: true },
    shownDay: { state: true },
  };

  /** Slots by day name; when set, used instead of the loader's week. */
  weekData?: WeekData;

  /** The week's days and totals, set together with `weekData`. */
  weekMetadata?: WeekMetadata;

  readonly #loaded = consumer(this, availabilityContext);
  readonly #selection = consumer(this, selectionContext);
  readonly #catalog = consumer(this, catalogContext);

  /** The chosen time (its fullDatetime) when no <booking-flow> keeps the selection. */
  private chosen?: string;
  /** The time that holds the week's one tab stop (roving tabindex). */
  private active?: string;
  /** The day shown in a narrow container. */
  private shownDay?: IsoDate;

  #formatters?: SlotFormatters;

  get #week() {
    if (this.weekData && this.weekMetadata) return { weekData: this.weekData, weekMetadata: this.weekMetadata };
    return this.#loaded.value;
  }

  get #selectedDatetime(): string | undefined {
    return this.#selection.value ? this.#selection.value.slot?.fullDatetime : this.chosen;
  }

  constructor() {
    super();
    // The loader around it hands focus to the week's tab stop through this.
    new FocusTarget(this, 'times', () => this.#focusActive());
  }

  /** Moves keyboard focus to the week's tab stop: the chosen time, or the first free one. */
  #focusActive(): boolean {
    const target = this.renderRoot.querySelector<HTMLButtonElement>('button.slot[tabindex="0"]');
    target?.focus();
    return Boolean(target);
  }

  // A time's click and focus reach the week's listeners: two in all rather than two on each of hundreds of buttons.
  #onClick(event: Event): void {
    const at = (event.target as HTMLElement).dataset.datetime;
    const slot = this.#days()
      .flatMap((d) => d.slots)
      .find((s) => s.fullDatetime === at);
    if (!slot) return;
    this.chosen = at;
    this.active = at;
    emit(this, 'slot-selected', { slot });
  }

  #onFocusIn(event: FocusEvent): void {
    this.active = (event.target as HTMLElement).dataset.datetime ?? this.active;
  }

  /** Days in order with their slots. */
  #days(): { day: DayInfo; slots: Slot[] }[] {
    const week = this.#week;
    return week ? week.weekMetadata.days.map((day) => ({ day, slots: week.weekData[day.dayName] })) : [];
  }

  /** Whether a time had keyboard focus before this update. */
  #slotFocused = false;

  /** How many of each day's times are rendered, and for which week: a new week starts again from ROWS. */
  #rows = ROWS;
  #rowsOf?: IsoDate;

  protected override willUpdate(): void {
    const start = this.#week?.weekMetadata.weekStart;
    if (start !== this.#rowsOf) [this.#rows, this.#rowsOf] = [ROWS, start];
    this.#slotFocused = Boolean(this.shadowRoot?.activeElement?.matches('.slot'));
    const days = this.#days();
    const all = days.flatMap((d) => d.slots.map((s) => s.fullDatetime));
    const withSlots = days.filter((d) => d.slots.length > 0);
    // Keep the tab stop and the shown day when they are still in the week; otherwise start from the choice or the first time.
    // A time gone from a week refreshed in place hands the tab stop to the next one.
    if (!this.active || !all.includes(this.active)) {
      this.active = all.includes(this.#selectedDatetime ?? '')
        ? this.#selectedDatetime
        : (all.find((time) => time > (this.active ?? '')) ?? all[0]);
    }
    if (!this.shownDay || !days.some((d) => d.day.date === this.shownDay)) {
      const activeDay = days.find((d) => d.slots.some((s) => s.fullDatetime === this.active));
      this.shownDay = (activeDay ?? withSlots.find((d) => d.day.isToday) ?? withSlots[0] ?? days[0])?.day.date;
    }
  }

  #onKeyDown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (!target.matches('button.slot')) return;
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      requestWeek(this, event.key === 'PageDown' ? 1 : -1);
      return;
    }
    const next = slotAfterKey(
      this.#days().map((d) => d.slots),
      this.active,
      event.key,
      getComputedStyle(this).direction === 'rtl',
    );
    if (next === false) return;
    event.preventDefault();
    if (!next) return;
    this.active = next.fullDatetime;
    // In a narrow container (the styles' container query shows the day strip), the day follows the keys.
    if (getComputedStyle(this.renderRoot.querySelector('.strip')!).display !== 'none') this.shownDay = next.date;
  }

  /**
   * Focus follows the tab stop: after arrow keys, and when a week refreshed in place moved the times under a
   * keyboard user (their time keeps focus, or the next one takes it when theirs is gone).
   */
  protected override updated(): void {
    if (this.#slotFocused) this.#focusActive();
    // The rest of a long week comes a few rows a frame, so that no frame waits on hundreds of buttons. The first
    // rows have a frame of their own: a frame callback asked for here runs before that frame, so the next rows wait
    // for the task after it.
    if (this.#days().some((d) => d.slots.length > this.#rows)) {
      const more = () => {
        this.#rows += ROWS;
        this.requestUpdate();
      };
      requestAnimationFrame(this.#rows > ROWS ? more : () => setTimeout(more));
    }
  }

  protected override render() {
    const week = this.#week;
    if (!week) return nothing;
    const settings = this.settings;
    const timeZone = week.weekMetadata.timeZone;
    if (this.#formatters?.key !== `${settings.locale}|${timeZone}|${settings.hourCycle ?? ''}`) {
      this.#formatters = slotFormatters(settings.locale, timeZone, settings.hourCycle);
    }
    const t = settings.strings;
    const staffId = this.#selection.value?.staffId;
    const staffName = staffId ? this.#catalog.value?.catalog?.staff.find((s) => s.id === staffId)?.name : undefined;
    const days = this.#days();
    return html`
      <div class="strip" part="day-strip" role="group" aria-label=${t.days}>
        ${days.map(({ day, slots }) => {
          const shown = day.date === this.shownDay;
          return html`<button
            class="strip-day"
            part=${shown ? 'strip-day selected' : 'strip-day'}
            aria-pressed=${shown}
            aria-label="${day.label}, ${busyText(day, slots, t)}"
            @click=${() => this.#showDay(day.date, slots)}
          >
            <span>${day.short}</span>
            <span class="meter ${busyness(slots.length)}" aria-hidden="true"></span>
          </button>`;
        })}
      </div>
      <div
        class="week"
        part="week"
        role="group"
        aria-label=${t.availableTimes}
        @keydown=${this.#onKeyDown}
        @click=${this.#onClick}
        @focusin=${this.#onFocusIn}
      >
        ${days.map(({ day, slots }) => this.#renderDay(day, slots, t, staffName))}
      </div>
    `;
  }

  #showDay(date: IsoDate, slots: Slot[]): void {
    this.shownDay = date;
    if (slots[0] && !slots.some((s) => s.fullDatetime === this.active)) this.active = slots[0].fullDatetime;
  }

  #renderDay(day: DayInfo, slots: Slot[], t: BookingStrings, staffName: string | undefined) {
    const f = this.#formatters!;
    const busy = busyness(slots.length);
    const parts = `day${day.isToday ? ' today' : ''}${day.isPast ? ' past' : ''} busy-${busy}`;
    // The rows that have come in, counted across the day's parts; the tab stop is always among them.
    let rows = Math.max(this.#rows, slots.findIndex((s) => s.fullDatetime === this.active) + 1);
    const periods = groupByPartOfDay(slots).map(([period, times]) => {
      const shown = times.slice(0, Math.max(rows, 0));
      rows -= times.length;
      return [period, times.length, shown] as const;
    });
    const withStaff = staffName ? `, ${t.withStaff(staffName)}` : '';
    return html`
      <section class="day ${day.date === this.shownDay ? 'shown' : ''}" part=${parts} aria-labelledby="day-${day.date}">
        <h3 class="day-label" part="day-label" id="day-${day.date}">
          ${day.label} ${day.isToday ? html`<span class="today">(${t.today})</span>` : nothing}
        </h3>
        <p class="busy ${busy}" part="busy">${busyText(day, slots, t)}</p>
        ${
          slots.length === 0
            ? nothing
            : periods.map(
                ([period, count, times]) => html`
                  <div class="period" part="period" role="group" aria-labelledby="${day.date}-${period}">
                    <p class="period-label" part="period-label" id="${day.date}-${period}">
                      ${t.partsOfDay[period]} <span class="count">${count}</span>
                    </p>
                    ${times.map((slot) => {
                      const selected = slot.fullDatetime === this.#selectedDatetime;
                      const [time, name] = f.labels(slot);
                      return html`<button
                        class="slot"
                        part=${selected ? 'slot selected' : 'slot'}
                        tabindex=${slot.fullDatetime === this.active ? 0 : -1}
                        aria-pressed=${selected}
                        aria-label="${name}${withStaff}"
                        data-datetime=${slot.fullDatetime}
                      >
                        ${time}
                      </button>`;
                    })}
                  </div>
                `,
              )
        }
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hourly-calendar': HourlyCalendar;
  }
}
