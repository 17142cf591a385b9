import { VERSION } from '../version.js';

/** Where a registered class carries the version of the copy that registered it. */
const VERSION_OF = Symbol.for('booking-flow:version');
type Versioned = CustomElementConstructor & { [VERSION_OF]?: string };

let warned = false;

/**
 * Registers a tag unless it is already taken. A second copy of the same version on a page (two plugins bundling
 * the widget) stays silent; a copy of another version warns once, naming both, and the first one's elements stay.
 */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  const existing: Versioned | undefined = customElements.get(tag);
  if (!existing) {
    (ctor as Versioned)[VERSION_OF] = VERSION;
    customElements.define(tag, ctor);
    return;
  }
  const theirs = existing[VERSION_OF];
  if (existing === ctor || theirs === VERSION || warned) return;
  warned = true;
  console.warn(`booking-flow ${VERSION} skipped: ${theirs ?? '?'} already runs here.`);
}
