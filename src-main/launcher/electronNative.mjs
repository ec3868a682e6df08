// better-sqlite3 is a native module: the build `npm install` made is for Node (tests, CLI, browser
// host) and cannot load in Electron, whose ABI differs. This keeps a second build, for Electron,
// in its own folder, and the desktop app loads it through better-sqlite3's nativeBinding option.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { root } from './build.mjs'

const source = join(root, 'node_modules', 'better-sqlite3')

function run(cmd, args, cwd, env) {
  return spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 15 * 60_000 }).status === 0
}

/** Path of better_sqlite3.node built for this Electron version, building it on first use; null if that failed. */
export function electronSqliteBinding(electronVersion) {
  const sqliteVersion = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version
  const dir = join(root, 'node_modules', '.cxdesk-electron', `better-sqlite3-${sqliteVersion}-electron-${electronVersion}`)
  const binding = join(dir, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(binding)) return binding

  process.stderr.write(`Preparing the database module for Electron ${electronVersion} (once)…\n`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  cpSync(source, dir, { recursive: true, filter: (p) => !p.startsWith(join(source, 'build')) })

  // A user-level nodedir (pointing at Node's headers) would make node-gyp build for Node again.
  const env = { ...process.env }
  for (const k of Object.keys(env)) if (k.toLowerCase() === 'npm_config_nodedir') delete env[k]

  // First choice: the prebuilt binary better-sqlite3 publishes for each Electron release.
  const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js')
  if (existsSync(prebuild) && run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch], dir, env) && existsSync(binding))
    return binding

  // Otherwise compile against Electron's headers with npm's own node-gyp.
  const nodeGyp = process.env.npm_config_node_gyp
  if (nodeGyp && existsSync(nodeGyp)) {
    const ok = run(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`],
      dir,
      env,
    )
    if (ok && existsSync(binding)) return binding
  }
  rmSync(dir, { recursive: true, force: true })
  return null
}
