// `npm start`: the desktop app. Where the Electron runtime cannot be had (no internet access to its
// download), say so in one sentence and point to the browser version, which is the same app.
import { spawn } from 'node:child_process'
import { ensureBuilt, root } from './build.mjs'
import { electronBinary, electronVersion } from './electronRuntime.mjs'
import { electronSqliteBinding } from './electronNative.mjs'

const binary = electronBinary()
if (!binary) {
  console.error('The Electron runtime is not installed and could not be downloaded on this machine, so the desktop window cannot open here; run `npm run web` to open the same app in your browser.')
  process.exit(1)
}
const binding = electronSqliteBinding(electronVersion())
if (!binding) {
  console.error('The database module could not be built for Electron on this machine (it needs internet access or a C++ toolchain); run `npm run web` to open the same app in your browser.')
  process.exit(1)
}
ensureBuilt()
const env = { ...process.env, CXDESK_SQLITE_BINDING: binding }
delete env.ELECTRON_RUN_AS_NODE // set by some editors' terminals; it would start Electron as plain Node
const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env })
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
