// Runs a worker thread's TypeScript source under tsx (CLI, browser host, tests), the way cxdesk.cjs
// runs the CLI; the source file is the thread's first argument (workerEntry in entry.ts). The desktop
// app's bundle has each worker compiled instead (electron.vite.config.ts).
require('tsx/cjs/api').require(process.argv[2], __filename)
