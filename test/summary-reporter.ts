import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Ends the output with `vitest: N passed, N failed, N skipped`, the plain closing line CI
 * reads. A file that fails outside any test (import error, failing hook) and an unhandled
 * error each count as one failure, so the line never reads 0 failed when the run failed.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[], unhandledErrors: readonly SerializedError[]): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const testModule of testModules) {
      let failedInModule = 0;
      for (const test of testModule.children.allTests()) {
        const { state } = test.result();
        if (state === 'passed') passed++;
        else if (state === 'failed') failedInModule++;
        else skipped++;
      }
      failed += failedInModule;
      if (failedInModule === 0 && testModule.state() === 'failed') failed++;
    }
    process.stdout.write(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
