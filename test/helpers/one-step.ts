import { fixture } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { deepAll, until } from './dom.js';

/** A flow on the mocked proxy whose only child is the step `tag`, once the catalog is in. */
export async function flowWithStep(tag: string, attrs: { theme?: string; branch?: string; service?: string } = {}) {
  const flow = await fixture<BookingFlow>(staticHtml`
    <booking-flow proxy-url="/api" locale="en-GB" time-zone="Europe/Berlin" theme=${attrs.theme ?? 'light'}
      branch=${attrs.branch ?? ''} service=${attrs.service ?? ''}>
      <${unsafeStatic(tag)}></${unsafeStatic(tag)}>
    </booking-flow>
  `);
  const step = flow.querySelector(tag)!;
  await until(() => deepAll(step, 'input[type="radio"]').length > 0 || deepAll(step, 'p').length > 0, `${tag} shown`);
  return { flow, step };
}

export const choices = (step: Element) => deepAll<HTMLInputElement>(step, 'input[type="radio"]');
