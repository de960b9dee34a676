import { defineConfig } from 'vitest/config';

// Inherited by the test workers: the AWS SDK warns on every process that Node 20 support ends.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    pool: 'forks',
    // Integration tests hash and check passwords with bcrypt (~70 ms each) through real services.
    testTimeout: 20_000,
    // Starting a local stack (or DynamoDB Local itself) takes a few seconds.
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});
