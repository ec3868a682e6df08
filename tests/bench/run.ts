/**
 * `npm run bench`: speed and memory at real sizes, printed as one JSON document.
 *   --rows N        responses to generate (default 1,000,000)
 *   --only a,b      run only these sections
 *   --keep          leave the temporary folders for inspection
 * and the flags some sections take (args.ts). Nothing here is asserted: the targets live in the
 * issues and the README reports the figures.
 */
import { cpus, totalmem } from 'node:os'
import { sections } from './sections/index'
import { tempDir } from './harness'
import { BenchArgsError, USAGE, parseBenchArgs, setBenchArgs, type BenchArgs } from './args'

async function main(args: BenchArgs) {
  const { rows, only } = args
  const results: Record<string, unknown> = {}
  for (const section of sections) {
    if (only && !only.includes(section.name)) continue
    const tmp = tempDir(section.name)
    process.stderr.write(`bench: ${section.name} (${rows.toLocaleString('en')} rows)…\n`)
    try {
      results[section.name] = await section.run({ rows, dir: tmp.dir })
    } catch (e) {
      results[section.name] = { error: (e as Error).message }
    } finally {
      if (!args.keep) tmp.remove()
    }
  }
  const machine = { node: process.version, cpus: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30) }
  // Exit once the figures are out: a section may leave a handle open (a server's keep-alive socket,
  // a browser's pipe), and a bench that lingers after its answer skews the next one's figures.
  process.stdout.write(`${JSON.stringify({ rows, machine, ...results }, null, 2)}\n`, () => process.exit(0))
}

let args: BenchArgs
try {
  args = parseBenchArgs(process.argv.slice(2), sections.map((s) => s.name))
} catch (e) {
  if (!(e instanceof BenchArgsError)) throw e
  console.error(`bench: ${e.message}\n${USAGE}`)
  process.exit(2)
}
setBenchArgs(args)
main(args).catch((e) => {
  console.error(e)
  process.exit(1)
})
