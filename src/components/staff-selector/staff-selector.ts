import { html, type PropertyDeclarations } from 'lit';
import { CatalogStep } from '../../internal/catalog-step.js';
import { renderCatalogStatus } from '../../internal/choice-list.js';
import { emit } from '../../public/events.js';

const ANY = '';

/**
 * Lists who offers the chosen service, led by "Any available" (staffId null).
 *
 * @summary Pick a staff member, or anyone available.
 * @tag staff-selector
 *
 * @fires {CustomEvent<{ staffId: string | null, staff: Staff | null }>} staff-selected - The visitor picked a person or "any available".
 *
 * @csspart group - The fieldset around the options.
 * @csspart legend - The step's title.
 * @csspart option - One choice; also `selected` on the chosen one.
 * @csspart image - A staff member's picture (the catalog's `avatarUrl`).
 * @csspart search - The search field over more than six options.
 * @csspart status - The loading, error or "choose a service first" message.
 *
 * @cssprop [--booking-color-accent] - Border of the chosen option.
 */
export class StaffSelector extends CatalogStep {
  static override properties: PropertyDeclarations = { service: { reflect: true } };

  /** Show the staff of this service id; defaults to the flow's chosen service. */
  service?: string;

  protected override render() {
    const t = this.settings.strings;
    const status = renderCatalogStatus(this.catalog, t, 'staff');
    if (status) return status;
    const serviceId = this.service || this.selection?.serviceId;
    if (!serviceId) return html`<p class="status" part="status">${t.chooseServiceForStaff}</p>`;
    const branchId = this.selection?.branchId;
    const staff = this.catalog!.catalog!.staff.filter(
      (s) => s.serviceIds.includes(serviceId) && (!branchId || !s.branchIds || s.branchIds.includes(branchId)),
    );
    const selected = this.selection ? (this.selection.staffId ?? ANY) : (this.chosen ?? ANY);
    return this.choices(
      t.staffLegend,
      t.catalogParts.staff,
      [
        { value: ANY, label: t.anyStaff, description: t.anyStaffDescription },
        ...staff.map((s) => ({ value: s.id, label: s.name, description: s.bio, image: s.avatarUrl })),
      ],
      selected,
      (value) => {
        this.chosen = value;
        const member = staff.find((s) => s.id === value) ?? null;
        emit(this, 'staff-selected', { staffId: member?.id ?? null, staff: member });
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-selector': StaffSelector;
  }
}
