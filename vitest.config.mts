import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The CLI tests run the bundled `cxdesk`, as users do: built here once, not by each spawn.
    globalSetup: ['tests/unit/cli/bundle.setup.ts'],
    // Keep the user's real data folder out of every test.
    env: { CXDESK_HOME: '/nonexistent/cxdesk-tests-must-pass-their-own-paths', TZ: 'Asia/Ho_Chi_Minh' },
  },
})
