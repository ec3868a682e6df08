// Shared by the launchers and `cxdesk report`: (re)build the app with electron-vite when a part that
// is needed is stale — exactly: one of the files that part was built from changed (buildInputs.cjs).
// CommonJS, so that the CLI bundle can require it (a dynamic import() does not work in a script run
// with V8's code cache; see cliBundle.cjs) and build.mjs re-exports it.
'use strict'
const { join, resolve } = require('node:path')
const { spawnSync } = require('node:child_process')
const { PARTS, partIsStale } = require('./buildInputs.cjs')

const root = resolve(__dirname, '..', '..')

/** Whether any of `parts` (default: all: main, preload, renderer) must be built again. */
function buildIsStale(parts = PARTS) {
  return parts.some((part) => partIsStale(part))
}

/**
 * Builds quietly when one of `parts` is stale (progress goes to stderr, so stdout keeps only what the
 * command promises to print). `cxdesk report` and the web host need only the renderer.
 */
function ensureBuilt(parts = PARTS) {
  if (!buildIsStale(parts)) return
  process.stderr.write('Building CX Desk…\n')
  const cli = join(require.resolve('electron-vite/package.json', { paths: [root] }), '..', 'bin', 'electron-vite.js')
  const r = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] })
  if (r.status !== 0) {
    process.stderr.write('The build failed; see the messages above.\n')
    process.exit(r.status ?? 1)
  }
}

module.exports = { root, buildIsStale, ensureBuilt }
