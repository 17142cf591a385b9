import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { forgetLitWarnings, litWarnings } from '../helpers/lit-warnings.js';
import '../helpers/dom.js';

/** An element that makes the mistake Lit warns about: it changes a reactive property after every update. */
class UpdatesInUpdated extends LitElement {
  static override properties = { count: { type: Number } };
  count = 0;
  protected override updated(): void {
    if (this.count < 2) this.count++;
  }
}
customElements.define('updates-in-updated', UpdatesInUpdated);

describe('the check for Lit dev-mode warnings', () => {
  it('sees a warning that a component causes (so that it would fail any test that causes one)', async () => {
    expect(litWarnings()).to.deep.equal([]);
    const el = await fixture<UpdatesInUpdated>(html`<updates-in-updated></updates-in-updated>`);
    await el.updateComplete;
    await el.updateComplete;
    expect(litWarnings().join('\n')).to.match(/change-in-update|scheduled an update/);
    forgetLitWarnings();
  });
});
