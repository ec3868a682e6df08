// The command-line tool as a bundle (out/cli/), like the desktop app's (electron-vite): a run loads
// one file instead of having tsx transpile ~200 TypeScript modules on every start. The import's
// and the rollups' worker threads are bundled beside it, where their code looks for them
// (src-main/workers/entry.ts).
//
// `npm ci` builds it (the prepare script runs this file). The build records every source file it
// read with its size and modification time (manifest.json), so the `cxdesk` launcher can tell in a
// few milliseconds whether a checkout's sources changed since, and rebuild rather than run stale code.
// CommonJS and no dependencies at load, because the launcher requires it on every start.
'use strict'
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs')
const { dirname, join, resolve } = require('node:path')

const root = resolve(__dirname, '..', '..')
/** Where the sources are and where the bundle goes; tests point these at folders of their own. */
const defaultPlace = { root, outDir: join(root, 'out', 'cli') }
const MANIFEST_FORMAT = 1

const entryPoints = {
  cxdesk: 'src-main/cli/main.ts',
  importWorker: 'src-main/import/worker/importWorker.ts',
  readerWorker: 'src-main/import/worker/readerWorker.ts',
  rollupWorker: 'src-main/metrics/rollups/worker/rollupWorker.ts',
  // `cxdesk collect`: the WAL's checkpoints off the serving thread (src-main/collection/checkpoint).
  checkpointWorker: 'src-main/collection/checkpoint/checkpointWorker.ts',
  riskWorker: 'src-main/customers/riskWorker.ts',
  // `cxdesk export`: a large CSV export's reader threads (src-main/export/exportThreads.ts).
  exportWorker: 'src-main/export/exportWorker.ts',
}

/**
 * Left out of the bundle: better-sqlite3 is a native module (loaded from node_modules with its
 * compiled binding); playwright-core is large and only `cxdesk report` needs it, so it is loaded
 * when a report is printed, not on every start.
 */
const external = ['better-sqlite3', 'playwright-core', 'electron']

/** Besides the sources the bundle was made of: what else decides its contents. */
const alsoWatched = ['package.json', 'package-lock.json', 'src-main/launcher/cliBundle.cjs']

function fileStamp(dir, rel) {
  try {
    const st = statSync(join(dir, rel))
    return [st.size, st.mtimeMs]
  } catch {
    return null
  }
}

/**
 * 'fresh', 'missing' (never built), 'stale' (a source changed, was added to the build or removed),
 * or 'released' (no sources beside the bundle: an installed copy, which is what it is).
 */
function bundleState(place = defaultPlace) {
  if (!existsSync(join(place.root, entryPoints.cxdesk))) return existsSync(join(place.outDir, 'cxdesk.js')) ? 'released' : 'missing'
  let manifest
  try {
    manifest = JSON.parse(readFileSync(join(place.outDir, 'manifest.json'), 'utf8'))
  } catch {
    return 'missing'
  }
  if (manifest.format !== MANIFEST_FORMAT || manifest.node !== process.versions.modules) return 'stale'
  for (const name of Object.keys(entryPoints)) if (!existsSync(join(place.outDir, `${name}.js`))) return 'missing'
  for (const [rel, stamp] of Object.entries(manifest.inputs)) {
    const now = fileStamp(place.root, rel)
    if (!now || now[0] !== stamp[0] || now[1] !== stamp[1]) return 'stale'
  }
  return 'fresh'
}

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expression literals
 * (the Vietnamese and Thai text rules have many). One such character makes Node decode the whole
 * file as UTF-16 and V8 parse it as two-byte source, a measurable part of a short command's start.
 * A \uXXXX escape means the same character in a regular expression (a surrogate pair, even with
 * the u flag), so each UTF-16 unit outside ASCII is written that way.
 */
function asciiOnly(file) {
  const source = readFileSync(file, 'utf8')
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(source)) writeFileSync(file, source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
}

/**
 * Node cannot run an import() in a script whose code came from V8's cache ("A dynamic import
 * callback was not specified"), so the bundle must not contain one: esbuild turns import() of a
 * bundled module into a require, but leaves one whose path it cannot see. Use require for those.
 */
function noDynamicImport(file) {
  const at = readFileSync(file, 'utf8').search(/(^|[^\w$.])import\(/)
  if (at >= 0) throw new Error(`${file} calls import() with a path esbuild cannot follow (at character ${at}); require it instead, or import it by a literal path.`)
}

/**
 * Builds the bundle with esbuild (about a second). Each file is written under a temporary name and
 * renamed into place, the manifest last, so a run starting meanwhile finds either build whole. A
 * source saved while the build ran is recorded as changed, so the next run builds again.
 */
function buildCli(place = defaultPlace) {
  const esbuild = require('esbuild')
  const startedAt = Date.now()
  mkdirSync(place.outDir, { recursive: true })
  const tmp = join(place.outDir, `.build-${process.pid}-${startedAt}`)
  mkdirSync(tmp)
  try {
    const result = esbuild.buildSync({
      absWorkingDir: place.root,
      entryPoints,
      outdir: tmp,
      bundle: true,
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      format: 'cjs',
      external,
      metafile: true,
      // Smaller to read and parse on every start; names are kept, so stack traces stay readable.
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: 'none',
      charset: 'ascii',
      logLevel: 'silent',
    })
    for (const name of Object.keys(entryPoints)) {
      asciiOnly(join(tmp, `${name}.js`))
      noDynamicImport(join(tmp, `${name}.js`))
    }
    const inputs = {}
    for (const rel of [...Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/')), ...alsoWatched]) {
      const stamp = fileStamp(place.root, rel)
      // File times come from a coarser clock than Date.now(): a margin keeps a save during the build from passing as older.
      if (stamp) inputs[rel] = stamp[1] < startedAt - 20 ? stamp : [-1, -1]
    }
    for (const name of Object.keys(entryPoints)) renameSync(join(tmp, `${name}.js`), join(place.outDir, `${name}.js`))
    for (const f of readdirSync(place.outDir)) if (f.endsWith('.cache')) rmSync(join(place.outDir, f), { force: true })
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify({ format: MANIFEST_FORMAT, node: process.versions.modules, builtAt: startedAt, inputs }))
    renameSync(join(tmp, 'manifest.json'), join(place.outDir, 'manifest.json'))
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

/** The bundle's entry, built or rebuilt first when a checkout's sources say so (said on stderr: stdout is the command's). */
function ensureCliBundle(place = defaultPlace) {
  const state = bundleState(place)
  if (state === 'missing' || state === 'stale') {
    process.stderr.write(state === 'missing' ? 'cxdesk: building the command-line bundle (once)…\n' : 'cxdesk: the sources changed since the bundle was built; rebuilding…\n')
    buildCli(place)
  }
  return join(place.outDir, 'cxdesk.js')
}

/**
 * Runs the bundle as Node would require it, with V8's code cache: compiling the 2 MB bundle and the
 * functions a command calls is a good part of a short command's time, and V8 can skip it given the
 * code it compiled on an earlier run. One cache per command (a metrics run compiles other functions
 * than an import), named after the bundle's size and time so it never meets another build (V8
 * checks little more than the source's length), written when a command first runs after a build.
 */
function runBundle(entry, command) {
  const vm = require('node:vm')
  const Module = require('node:module')
  const source = readFileSync(entry, 'utf8')
  const st = statSync(entry)
  const cachePath = `${entry}.${st.size}-${Math.trunc(st.mtimeMs)}.${/^[a-z]+$/.test(command ?? '') ? command : 'other'}.cache`
  let cachedData
  try {
    cachedData = readFileSync(cachePath)
  } catch {
    cachedData = undefined
  }
  const script = new vm.Script(Module.wrap(source), { filename: entry, cachedData })
  if (!cachedData || script.cachedDataRejected)
    process.once('exit', () => {
      try {
        const tmp = `${cachePath}.${process.pid}`
        writeFileSync(tmp, script.createCachedData())
        renameSync(tmp, cachePath)
      } catch {
        // An installed copy in a read-only folder: every run compiles, as plain Node would.
      }
    })
  const mod = new Module(entry, module)
  mod.filename = entry
  script.runInThisContext()(mod.exports, Module.createRequire(entry), mod, entry, dirname(entry))
}

module.exports = { bundleState, buildCli, ensureCliBundle, runBundle, defaultPlace, entryPoints }

if (require.main === module) {
  try {
    buildCli()
  } catch (e) {
    // esbuild's own messages name the file, line and column.
    process.stderr.write(`The command-line bundle could not be built:\n${e.message}\n`)
    process.exit(1)
  }
}
