/**
 * The app in a process of its own, for the file half of the robustness suite (fileRobustness.ts):
 * opens (or creates) a workspace file and, for each file it is sent, calls import.inspect and then
 * import.run through the real dispatcher. The workspace is a file, so both read the file on reader
 * threads and import.run writes from the import worker, as in the app. A file that kills or stalls
 * this process is seen by the parent as a crash or a hang.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createAppContext } from '../../../src-main/app/createAppContext'
import { createDispatcher } from '../../../src-main/app/dispatch'
import { handlers } from '../../../src-main/handlers/index'
import { clientFromInvoke } from '../../../src-shared/api/client'
import type { ImportSummary, Inspection } from '../../../src-shared/api/imports'
import type { Result } from '../../../src-shared/api/result'
import { createWorkspaceAt, openWorkspaceAt } from '../files'
import type { FileAnswer, FileChildMessage, FileOrder, Timed } from './protocol'

const send = (m: FileChildMessage) => process.send?.(m)

async function timed<T>(call: () => Promise<Result<unknown>>): Promise<Timed<T>> {
  const t = performance.now()
  const result = (await call()) as Result<T>
  return { result, ms: Math.round(performance.now() - t) }
}

async function main() {
  const [home, workspace] = process.argv.slice(2)
  const ctx = createAppContext({
    platform: { kind: 'cli', systemLocales: () => [] },
    paths: { dataDir: home, workspacesDir: home, uploadsDir: join(home, 'uploads') },
    usePreferences: false,
    defaultTimezone: 'Asia/Bangkok',
  })
  // Answers are checked against the contract too: an inspection the import page could not use is a failure.
  const invoke = createDispatcher(handlers, ctx, { validateResponses: true })
  const api = clientFromInvoke(invoke)
  const info = existsSync(workspace) ? await openWorkspaceAt({ ctx, api }, workspace) : await createWorkspaceAt({ ctx, api }, workspace, { name: 'Robustness' })
  process.on('message', (order: FileOrder) => {
    void (async () => {
      const fileId = ctx.files.register(order.path).id
      const inspect = await timed<Inspection>(() => invoke('import.inspect', { fileId, kind: order.kind }))
      const mapping = inspect.result.ok && order.withMapping ? inspect.result.data.mapping : undefined
      const run = await timed<ImportSummary>(() => invoke('import.run', { fileId, ...(mapping ? { mapping } : {}) }))
      const scoreColumns = inspect.result.ok ? inspect.result.data.mapping.columns.filter((c) => c.role === 'score').length : null
      send({ type: 'answer', id: order.id, inspect, run, scoreColumns } satisfies { type: 'answer' } & FileAnswer)
    })()
  })
  process.on('disconnect', () => void ctx.session.close().then(() => process.exit(0)))
  send({ type: 'ready', workspace: info!.path })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
