/**
 * A process that imports one file into a workspace file, for the kill half of the robustness suite
 * (killRobustness.ts), which kills it with SIGKILL at a moment chosen from what this prints: one JSON
 * line per event (protocol.ts KillChildLine), written synchronously, so a line is out before the work
 * it announces goes on. Arguments: one JSON KillChildArgs. The workspace is created when it does not exist.
 */
import { existsSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { createAppContext } from '../../../src-main/app/createAppContext'
import { createDispatcher } from '../../../src-main/app/dispatch'
import { handlers } from '../../../src-main/handlers/index'
import { runImport } from '../../../src-main/import/importService'
import { clientFromInvoke } from '../../../src-shared/api/client'
import type { ImportSummary } from '../../../src-shared/api/imports'
import { isAppError } from '../../../src-shared/api/result'
import { createWorkspaceAt, openWorkspaceAt } from '../files'
import type { KillChildArgs, KillChildLine } from './protocol'

const say = (line: KillChildLine) => writeSync(1, `${JSON.stringify(line)}\n`)

async function main() {
  const args = JSON.parse(process.argv[2]) as KillChildArgs
  const ctx = createAppContext({
    platform: { kind: 'cli', systemLocales: () => [] },
    paths: { dataDir: args.home, workspacesDir: args.home, uploadsDir: join(args.home, 'uploads') },
    usePreferences: false,
    defaultTimezone: 'Asia/Bangkok',
  })
  const invoke = createDispatcher(handlers, ctx, { validateResponses: true })
  const app = { ctx, api: clientFromInvoke(invoke) }
  if (existsSync(args.workspace)) await openWorkspaceAt(app, args.workspace)
  else await createWorkspaceAt(app, args.workspace, { name: 'Killed imports' })
  const open = ctx.session.require()
  const count = (table: string) => open.ws.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  if (args.mode === 'complete')
    say({ type: 'opened', responses: count('responses'), imports: count('imports'), quickCheck: String(open.ws.sqlite.pragma('quick_check', { simple: true })) })
  ctx.events.subscribe((e) => {
    if (e.name === 'import.progress') say({ type: 'progress', rowsRead: e.payload.rowsRead, bytesRead: e.payload.bytesRead })
  })
  const file = ctx.files.register(args.file)
  let summary: ImportSummary
  if (args.mode === 'steps') {
    // The transaction's own statements go through exec (importJob.ts); each is announced before it runs.
    const sqlite = open.ws.sqlite
    const exec = sqlite.exec.bind(sqlite)
    sqlite.exec = (sql: string) => {
      say({ type: 'step', sql: sql.slice(0, 80) })
      const done = exec(sql)
      say({ type: 'stepDone', sql: sql.slice(0, 80) })
      return done
    }
    summary = await runImport(open, ctx.files.resolve(file.id), { dryRun: false, remember: false }, {
      clock: ctx.clock,
      emit: (p) => say({ type: 'progress', rowsRead: p.rowsRead, bytesRead: p.bytesRead }),
      inProcess: true,
    })
  } else {
    const r = await invoke('import.run', { fileId: file.id })
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code })
    summary = r.data as ImportSummary
  }
  say({ type: 'done', summary })
  await ctx.session.close()
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    const code = isAppError(e) ? e.code : ((e as { code?: string })?.code ?? 'INTERNAL')
    say({ type: 'failed', code, message: (e as Error)?.message ?? String(e) })
    process.exit(1)
  },
)
