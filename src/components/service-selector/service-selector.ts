import { html, type PropertyDeclarations } from 'lit';
import { CatalogStep } from '../../internal/catalog-step.js';
import { renderCatalogStatus, renderChoices } from '../../internal/choice-list.js';
import { emit } from '../../public/events.js';
import { numberFormat } from '../../model/intl.js';

/**
 * Lists the services of the chosen branch (or all of them) as a radio group, and the lengths of a chosen service
 * that has several, so that the calendar loads the times of the length the visitor wants.
 *
 * @summary Pick a service.
 * @tag service-selector
 *
 * @fires {CustomEvent<{ serviceId: string, service: Service }>} service-selected - The visitor picked a service.
 * @fires {CustomEvent<{ durationMinutes: number }>} duration-selected - The visitor picked one of the service's lengths.
 *
 * @csspart group - The fieldset around the options (and the one around a service's lengths).
 * @csspart legend - The step's title.
 * @csspart option - One service; also `selected` on the chosen one.
 * @csspart search - The search field over more than six options.
 * @csspart status - The loading or error message.
 *
 * @cssprop [--booking-color-accent] - Border of the chosen option.
 */
export class ServiceSelector extends CatalogStep {
  static override properties: PropertyDeclarations = { branch: { reflect: true }, length: { state: true } };

  /** Only show services offered at this branch id; defaults to the flow's chosen branch. */
  branch?: string;

  /** The length chosen when no <booking-flow> keeps the selection. */
  private length?: number;

  protected override render() {
    const { strings: t, locale } = this.settings;
    const status = renderCatalogStatus(this.catalog, t, 'services');
    if (status) return status;
    const branchId = this.branch || this.selection?.branchId;
    const services = this.catalog!.catalog!.services.filter(
      (s) => !branchId || !s.branchIds || s.branchIds.includes(branchId),
    );
    const selected = this.selection ? (this.selection.serviceId ?? undefined) : this.chosen;
    const service = services.find((s) => s.id === selected);
    const lengths = service?.durations ?? [];
    const length = (this.selection ? this.selection.durationMinutes : this.length) ?? service?.durationMinutes;
    return html`${this.choices(
      t.serviceLegend,
      t.catalogParts.services,
      services.map((s) => ({
        value: s.id,
        label: s.name,
        meta: minutes(locale, s.durationMinutes),
        description: s.description,
      })),
      selected,
      (serviceId) => {
        this.chosen = serviceId;
        this.length = undefined;
        emit(this, 'service-selected', { serviceId, service: services.find((s) => s.id === serviceId)! });
      },
    )}
    ${
      lengths.length > 1
        ? renderChoices(
            t.lengthLegend,
            this.name + 'l',
            lengths.map((n) => ({ value: String(n), label: minutes(locale, n) })),
            String(length),
            (value) => emit(this, 'duration-selected', { durationMinutes: (this.length = +value) }),
          )
        : ''
    }`;
  }
}

function minutes(locale: string, n: number): string {
  return numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(n);
}

declare global {
  interface HTMLElementTagNameMap {
    'service-selector': ServiceSelector;
  }
}
