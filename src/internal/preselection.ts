import type { Catalog } from '../api/schemas.js';
import type { BookingStrings } from '../public/strings.js';
import type { Selection } from './contexts.js';

/** The ids a page preselects with a flow's branch, service and staff attributes. */
export interface Preselection {
  branch?: string;
  service?: string;
  staff?: string;
}

const known = <T extends { id: string }>(list: T[] | undefined, id: string | undefined) =>
  id && list?.some((x) => x.id === id) ? id : undefined;

/** The selection with the preselected ids the catalog knows; an unknown one is left out (and told, see below). */
export function withPreselection(selection: Selection, catalog: Catalog | undefined, ids: Preselection): Selection {
  return {
    ...selection,
    branchId: known(catalog?.branches, ids.branch) ?? selection.branchId,
    serviceId: known(catalog?.services, ids.service) ?? selection.serviceId,
    staffId: known(catalog?.staff, ids.staff) ?? selection.staffId,
  };
}

/** Preselected ids the catalog does not know, named for a message the site owner will see. */
export function unknownPreselection(catalog: Catalog | undefined, ids: Preselection, t: BookingStrings): string[] {
  if (!catalog) return [];
  const kinds = t.unknownKinds;
  const lists = [
    [kinds.location, ids.branch, catalog.branches],
    [kinds.service, ids.service, catalog.services],
    [kinds.staff, ids.staff, catalog.staff],
  ] as const;
  return lists.filter(([, id, list]) => id && !known(list, id)).map(([kind, id]) => `${kind} "${id}"`);
}
