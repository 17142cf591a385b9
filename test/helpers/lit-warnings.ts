// Lit, in dev mode (as the tests run it), warns about mistakes such as scheduling an update from within an update.
// Every test file that uses the DOM helpers gets this check: a test after which Lit has warned fails.

const issued = () => (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ?? new Set<string>();

/** What Lit warned about beyond being in dev mode. */
export function litWarnings(): string[] {
  return [...issued()].filter((warning) => !warning.startsWith('Lit is in dev mode'));
}

/** Forgets warnings a test caused on purpose. */
export function forgetLitWarnings(): void {
  for (const warning of litWarnings()) issued().delete(warning);
}

afterEach(function checkLitWarnings() {
  const warnings = litWarnings();
  if (warnings.length > 0) {
    forgetLitWarnings();
    throw new Error(`Lit warned during "${this.currentTest?.fullTitle() ?? 'a test'}":\n${warnings.join('\n')}`);
  }
});
