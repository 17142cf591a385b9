// Each gallery state has a URL (issue 19): the query's settings become the flow's attributes. Called by demo.ts as
// its module runs, which is before the elements' first update (a microtask later): the first render has them.
// `?branch=hamburg` opens the dense catalog.

/** The gallery's states, listed on every page. */
const STATES: [label: string, href: string][] = [
  ['Default', './index.html'],
  ['Dark', './dark.html'],
  ['Brand theme', './brand.html'],
  ['Dense catalog', './index.html?branch=hamburg'],
  ['Phone', './phone.html'],
];

export function listGallery(list = document.querySelector('#gallery')): void {
  for (const [label, href] of STATES) {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = label;
    const item = document.createElement('li');
    item.append(link);
    list?.append(item);
  }
}

const ATTRIBUTES = ['branch', 'service', 'staff', 'theme', 'layout', 'locale', 'time-zone', 'week-starts-on'];

export function applyGalleryState(query = new URLSearchParams(location.search)): void {
  for (const flow of document.querySelectorAll('booking-flow')) {
    for (const name of ATTRIBUTES) {
      const value = query.get(name);
      if (value !== null) flow.setAttribute(name, value);
    }
  }
}
