import type { Page } from 'playwright-core';

// The demo's gallery (issue 19): each state is a URL, opened the same way by the visual and the accessibility tests.

/** The moment every state is shown at (the sandbox's clock and the page's): a Tuesday morning in Berlin, whose week
 * has past, full and free days. */
export const GALLERY_NOW = Date.parse('2026-11-24T07:30:00Z');

export type Scheme = 'light' | 'dark';
export const SCHEMES: Scheme[] = ['light', 'dark'];

/** A state: its URL, what of it is photographed, and the choices that bring it to a week and the form. */
export interface GalleryState {
  path: string;
  frame: string;
  choose: (page: Page) => Promise<void>;
}

/**
 * `dense` is the large studio (20 services, 12 staff), opened on its branch and a service by the query; `phone` is
 * the flow in a 360 px frame.
 */
export const STATES = {
  index: { path: 'index.html', frame: 'booking-flow', choose: showWeek },
  dark: { path: 'dark.html', frame: 'booking-flow', choose: showWeek },
  brand: { path: 'brand.html', frame: 'booking-flow', choose: showWeek },
  dense: { path: 'index.html?branch=hamburg&service=womens-cut', frame: 'booking-flow', choose: showDenseWeek },
  phone: { path: 'phone.html', frame: '.phone', choose: showWeek },
} satisfies Record<string, GalleryState>;

export type StateName = keyof typeof STATES;

/** Chooses Berlin, a haircut with Anna and the first free time: the calendar and the form are shown. */
async function showWeek(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /Berlin Mitte/ }).check();
  await page.getByRole('radio', { name: /Haircut/ }).check();
  await page.getByRole('radio', { name: /Anna Berg/ }).check();
  await chooseFirstTime(page);
}

/** The dense catalog comes with its branch and service chosen by the URL: one of the six people, then a time. */
async function showDenseWeek(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /Aylin Demir/ }).check();
  await chooseFirstTime(page);
}

async function chooseFirstTime(page: Page): Promise<void> {
  await page.locator('availability-loader .body[aria-busy="false"]').waitFor();
  await page
    .getByRole('button', { name: /, \d{1,2}:\d{2}/ })
    .first()
    .click();
  await page.getByLabel('Name', { exact: true }).waitFor();
}
