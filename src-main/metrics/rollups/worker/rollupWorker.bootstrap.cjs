// Runs the TypeScript worker from source (CLI, browser host, tests), the way cxdesk.cjs runs the CLI.
// The desktop app's bundle has its own compiled rollupWorker.js instead (electron.vite.config.ts).
require('tsx/cjs/api').require('./rollupWorker.ts', __filename)
