import { nothing } from 'lit';
import { CatalogStep } from '../../internal/catalog-step.js';
import { renderCatalogStatus } from '../../internal/choice-list.js';
import { emit } from '../../public/events.js';

/**
 * Lists the branches (locations) of the catalog as a radio group. Choosing one narrows the services and staff
 * to those offered there. Renders nothing when the catalog has no branches.
 *
 * @summary Pick a location.
 * @tag branch-selector
 *
 * @fires {CustomEvent<{ branchId: string, branch: Branch }>} branch-selected - The visitor picked a branch.
 *
 * @csspart group - The fieldset around the options.
 * @csspart legend - The step's title.
 * @csspart option - One branch; also `selected` on the chosen one.
 * @csspart search - The search field over more than six options.
 * @csspart status - The loading or error message.
 *
 * @cssprop [--booking-color-accent] - Border of the chosen option.
 */
export class BranchSelector extends CatalogStep {
  protected override render() {
    const t = this.settings.strings;
    const status = renderCatalogStatus(this.catalog, t, 'locations');
    if (status) return status;
    const branches = this.catalog!.catalog!.branches;
    if (branches.length === 0) return nothing;
    const selected = this.selection ? (this.selection.branchId ?? undefined) : this.chosen;
    return this.choices(
      t.locationLegend,
      t.catalogParts.locations,
      branches.map((b) => ({ value: b.id, label: b.name, description: b.address })),
      selected,
      (branchId) => {
        this.chosen = branchId;
        emit(this, 'branch-selected', { branchId, branch: branches.find((b) => b.id === branchId)! });
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'branch-selector': BranchSelector;
  }
}
