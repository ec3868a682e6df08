// What each part of the app's build (electron-vite: main, preload, renderer) was made of, so that
// "is it built?" has an exact answer. A plugin in electron.vite.config.ts records, for each part,
// every source file the build read (its module graph, without node_modules: package-lock.json
// stands for those) with its size and modification time, in out/.inputs-<part>.json — outside the
// served folders. A part is stale when one of its own files changed, was removed, or the manifest
// is missing; an edit elsewhere (a main-process file, for the renderer) does not make it stale.
// CommonJS with no dependencies: the CLI bundle requires it at run time (see build.cjs).
'use strict'
const { existsSync, readFileSync, statSync, writeFileSync } = require('node:fs')
const { isAbsolute, join, relative, resolve, sep } = require('node:path')

const root = resolve(__dirname, '..', '..')
const FORMAT = 1
/** Besides its module graph, what decides every part's output. */
const ALSO_WATCHED = ['package.json', 'package-lock.json', 'electron.vite.config.ts', 'src-main/launcher/buildInputs.cjs']
/** Each part's output, which must exist for the part to count as built. */
const OUTPUTS = {
  main: ['out/main/index.js'],
  preload: ['out/preload/index.js'],
  renderer: ['out/renderer/index.html', 'out/renderer/print.html'],
}
const PARTS = Object.keys(OUTPUTS)

const manifestPath = (part, base = root) => join(base, 'out', `.inputs-${part}.json`)

function fileStamp(base, rel) {
  try {
    const st = statSync(join(base, rel))
    return [st.size, st.mtimeMs]
  } catch {
    return null
  }
}

/**
 * The Vite plugin recording a part's inputs once its files are written. `extra`: inputs the module
 * graph does not show (the renderer's HTML pages). A file saved while the build ran is recorded as
 * changed, so the next check builds again.
 */
function recordInputs(part, extra = [], base = root) {
  let startedAt = 0
  return {
    name: 'cxdesk-record-inputs',
    apply: 'build',
    buildStart() {
      startedAt = Date.now()
    },
    writeBundle() {
      const files = new Set([...ALSO_WATCHED, ...extra])
      for (const id of this.getModuleIds()) {
        const path = id.split('?')[0]
        if (!isAbsolute(path) || path.includes(`${sep}node_modules${sep}`)) continue
        const rel = relative(base, path)
        if (rel.startsWith('..') || isAbsolute(rel) || !existsSync(path)) continue
        files.add(rel.split(sep).join('/'))
      }
      const inputs = {}
      for (const rel of [...files].sort()) {
        const stamp = fileStamp(base, rel)
        // File times come from a coarser clock than Date.now(): a margin keeps a save during the build from passing as older.
        if (stamp) inputs[rel] = stamp[1] < startedAt - 20 ? stamp : [-1, -1]
      }
      writeFileSync(manifestPath(part, base), JSON.stringify({ format: FORMAT, part, inputs }))
    },
  }
}

/**
 * Whether a part must be built again: its output missing; or, in a checkout, its manifest missing or
 * one of its recorded inputs changed or gone.
 */
function partIsStale(part, base = root) {
  if (OUTPUTS[part].some((f) => !existsSync(join(base, f)))) return true
  // An installed copy, with no sources beside its build, is what it is (as the CLI bundle's 'released').
  if (!existsSync(join(base, 'src-main')) && !existsSync(join(base, 'src-renderer'))) return false
  let manifest
  try {
    manifest = JSON.parse(readFileSync(manifestPath(part, base), 'utf8'))
  } catch {
    return true
  }
  if (manifest.format !== FORMAT || manifest.part !== part) return true
  for (const [rel, stamp] of Object.entries(manifest.inputs)) {
    const now = fileStamp(base, rel)
    if (!now || now[0] !== stamp[0] || now[1] !== stamp[1]) return true
  }
  return false
}

module.exports = { PARTS, recordInputs, partIsStale, manifestPath }
