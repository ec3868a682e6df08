// Finds the Electron runtime binary, downloading it once if the electron package has not yet.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { root } from './build.mjs'

const require = createRequire(import.meta.url)

export function electronPackageDir() {
  try {
    return join(require.resolve('electron/package.json', { paths: [root] }), '..')
  } catch {
    return null
  }
}

export function electronVersion() {
  const dir = electronPackageDir()
  return dir ? JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version : null
}

function installedBinary(dir) {
  const pathTxt = join(dir, 'path.txt')
  if (!existsSync(pathTxt)) return null
  const bin = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim())
  return existsSync(bin) ? bin : null
}

/** The Electron executable, or null when it is not installed and cannot be downloaded here. */
export function electronBinary() {
  const dir = electronPackageDir()
  if (!dir) return null
  const present = installedBinary(dir)
  if (present) return present
  process.stderr.write('Downloading the Electron runtime (once)…\n')
  const r = spawnSync(process.execPath, [join(dir, 'install.js')], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 10 * 60_000 })
  if (r.status !== 0) return null
  return installedBinary(dir)
}
