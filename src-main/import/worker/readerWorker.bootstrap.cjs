// Runs the TypeScript reader thread from source (CLI, browser host, tests), like importWorker.bootstrap.cjs.
// The desktop app's bundle has its own compiled readerWorker.js instead (electron.vite.config.ts).
require('tsx/cjs/api').require('./readerWorker.ts', __filename)
