// Test tiers: unit (pure logic, no I/O), integration (the real app via inject against a real
// MariaDB, Dovecot and the WeChat stand-in), resilience (crashes and outages), e2e (the real server, the H5 build and headless Chromium).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['helpers/global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // Tests that kill and restart things (worker processes, Dovecot, MariaDB): one at a time.
          name: 'resilience',
          include: ['resilience/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['helpers/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
