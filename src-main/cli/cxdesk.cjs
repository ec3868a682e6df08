#!/usr/bin/env node
// The `cxdesk` command (package.json's bin and `npm run cxdesk`): runs the bundle in out/cli/, which
// `npm ci` builds. In a checkout whose sources changed since, the bundle is rebuilt first (about a
// second, said on stderr), so the command never runs code older than the source. For development,
// CXDESK_CLI_FROM_SOURCE=1 runs the TypeScript itself through tsx (slower to start).
'use strict'
if (process.env.CXDESK_CLI_FROM_SOURCE === '1') require('tsx/cjs/api').require('./main.ts', __filename)
else {
  const bundle = require('../launcher/cliBundle.cjs')
  let entry
  try {
    entry = bundle.ensureCliBundle()
  } catch (e) {
    process.stderr.write(`cxdesk: the command-line bundle could not be built, so nothing was run:\n${e.message}\n`)
    process.exit(1)
  }
  bundle.runBundle(entry, process.argv[2])
}
