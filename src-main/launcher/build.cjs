// Shared by the launchers and `cxdesk report`: (re)build the app with electron-vite when the sources
// are newer than the output. CommonJS, so that the CLI bundle can require it (a dynamic import()
// does not work in a script run with V8's code cache; see cliBundle.cjs) and build.mjs re-exports it.
'use strict'
const { existsSync, readdirSync, statSync } = require('node:fs')
const { join, resolve } = require('node:path')
const { spawnSync } = require('node:child_process')

const root = resolve(__dirname, '..', '..')

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

function buildIsStale() {
  const built = join(root, 'out', 'renderer', 'index.html')
  if (!existsSync(built) || !existsSync(join(root, 'out', 'main', 'index.js'))) return true
  const sources = ['src-renderer', 'src-shared', 'src-main', 'electron.vite.config.ts', 'package.json'].map((p) => newestMtime(join(root, p)))
  return Math.max(...sources) > statSync(built).mtimeMs
}

/** Builds quietly (progress goes to stderr, so stdout keeps only what the command promises to print). */
function ensureBuilt() {
  if (!buildIsStale()) return
  process.stderr.write('Building CX Desk…\n')
  const cli = join(require.resolve('electron-vite/package.json', { paths: [root] }), '..', 'bin', 'electron-vite.js')
  const r = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] })
  if (r.status !== 0) {
    process.stderr.write('The build failed; see the messages above.\n')
    process.exit(r.status ?? 1)
  }
}

module.exports = { root, buildIsStale, ensureBuilt }
