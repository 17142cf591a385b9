// Writes "N passed, N failed, N skipped" as web-test-runner's last line; scripts/test.mjs adds it up.
function count(suite, acc) {
  if (!suite) return acc;
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite.suites ?? []) count(s, acc);
  return acc;
}

export function summaryReporter() {
  let line = null;
  process.once('exit', () => {
    if (line) process.stdout.write(`\n${line}\n`);
  });
  return {
    stop({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        const before = acc.failed;
        count(s.testResults, acc);
        // A file that failed to load, or errored outside its tests, counts as one failure.
        if (s.passed === false && acc.failed === before) acc.failed++;
      }
      line = `${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped`;
    },
  };
}
