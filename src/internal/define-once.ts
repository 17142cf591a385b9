/** Registers a tag unless it is already taken; a second copy of the widget on a page warns instead of throwing. */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, ctor);
  else if (existing !== ctor) console.warn(`booking-flow: <${tag}> is already defined on this page; keeping the first definition.`);
}
