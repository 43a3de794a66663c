import { defineConfig } from 'vitest/config';

// Two cores: at most two test files at once, each may drive its own Chromium.
export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts', 'test/**/*.test.ts'],
    // Says after the run which programs beside Node the tests called (pandoc, poppler, LibreOffice...).
    globalSetup: ['test/print-tools.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    reporters: process.env['CI'] ? ['default'] : ['default'],
  },
});
