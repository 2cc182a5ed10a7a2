// Root config: vitest runs every package's tests (beside their code) and the cross-package tests in tests/.
// Editor component tests pick a DOM with a `// @vitest-environment happy-dom` line.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,runtime,server,examples,tests}/**/*.test.ts', 'editor/src/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    pool: 'forks',
    testTimeout: 20_000,
  },
});
