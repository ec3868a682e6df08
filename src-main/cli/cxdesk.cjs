#!/usr/bin/env node
// The `cxdesk` command. Runs the TypeScript entry through tsx so the CLI always matches the source.
require('tsx/cjs/api').require('./main.ts', __filename)
