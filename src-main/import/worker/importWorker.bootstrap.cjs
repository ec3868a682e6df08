// Runs the TypeScript worker from source (CLI, browser host, tests), the way cxdesk.cjs runs the CLI.
// The desktop app's bundle has its own compiled importWorker.js instead (electron.vite.config.ts).
require('tsx/cjs/api').require('./importWorker.ts', __filename)
