import type { PropertyDeclarations } from 'lit';
import { CatalogStep } from '../../internal/catalog-step.js';
import { renderCatalogStatus, renderChoices } from '../../internal/choice-list.js';
import { emit } from '../../public/events.js';

/**
 * Lists the services of the chosen branch (or all of them) as a radio group.
 *
 * @summary Pick a service.
 * @tag service-selector
 *
 * @fires {CustomEvent<{ serviceId: string, service: Service }>} service-selected - The visitor picked a service.
 *
 * @csspart group - The fieldset around the options.
 * @csspart legend - The step's title.
 * @csspart option - One service; also `selected` on the chosen one.
 * @csspart status - The loading or error message.
 *
 * @cssprop [--booking-color-accent] - Border of the chosen option.
 */
export class ServiceSelector extends CatalogStep {
  static override properties: PropertyDeclarations = { branch: { reflect: true } };

  /** Only show services offered at this branch id; defaults to the flow's chosen branch. */
  branch?: string;

  protected override render() {
    const { strings: t, locale } = this.settings;
    const status = renderCatalogStatus(this.catalog, t, 'services');
    if (status) return status;
    const branchId = this.branch || this.selection?.branchId;
    const services = this.catalog!.catalog!.services.filter(
      (s) => !branchId || !s.branchIds || s.branchIds.includes(branchId),
    );
    const selected = this.selection ? (this.selection.serviceId ?? undefined) : this.chosen;
    return renderChoices(
      t.serviceLegend,
      this.name,
      services.map((s) => ({
        value: s.id,
        label: s.name,
        meta: minutes(locale, s.durationMinutes),
        description: s.description,
      })),
      selected,
      (serviceId) => {
        this.chosen = serviceId;
        emit(this, 'service-selected', { serviceId, service: services.find((s) => s.id === serviceId)! });
      },
    );
  }
}

function minutes(locale: string, n: number): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(n);
}

declare global {
  interface HTMLElementTagNameMap {
    'service-selector': ServiceSelector;
  }
}
