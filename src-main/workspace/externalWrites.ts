import type { EventBus } from '../common/events'
import type { OpenWorkspace } from '../db/openWorkspace'
import { dataVersion } from '../db/dataVersion'
import { ownWriters } from '../workers/ownWriters'

/** How often the open workspace is checked for another process's writes: answers show within a second. */
export const EXTERNAL_WRITES_POLL_MS = 400

export interface ExternalWritesDeps {
  workspace: () => OpenWorkspace | null
  events: EventBus
  intervalMs?: number
}

/**
 * Notices when another process writes the open workspace (answers from `cxdesk collect`, an import
 * from the command line) and tells the windows (`workspace.written`), which refetch what they show
 * (the inbox count, the scores). It polls PRAGMA data_version on the main connection: a read of
 * the WAL index, cheaper than a file watcher and exact (this process's own writes do not move it;
 * its own worker threads' do, and are left out: workers/ownWriters.ts).
 * Returns the stop.
 */
export function watchExternalWrites(deps: ExternalWritesDeps): () => void {
  const check = externalWriteCheck(deps)
  check()
  const timer = setInterval(check, deps.intervalMs ?? EXTERNAL_WRITES_POLL_MS)
  timer.unref()
  return () => clearInterval(timer)
}

/** One look: emits `workspace.written` when the open workspace's data_version moved since the last look at the same workspace. */
export function externalWriteCheck(deps: Pick<ExternalWritesDeps, 'workspace' | 'events'>): () => void {
  let seen: { open: OpenWorkspace; version: number } | null = null
  let ownSeen = ownWriters().generation
  const check = () => {
    const open = deps.workspace()
    if (!open) {
      seen = null
      return
    }
    let version: number
    try {
      version = dataVersion(open.ws.sqlite)
    } catch {
      // Closed between the look and the read (another workspace being opened): the next tick starts over.
      seen = null
      return
    }
    const before = seen
    seen = { open, version }
    // This process's own import or rollup thread, running or ended since the last look, moved it:
    // not another process's write (those jobs tell the windows themselves when they are done).
    const own = ownWriters()
    const ownMoved = own.running > 0 || own.generation !== ownSeen
    ownSeen = own.generation
    if (ownMoved) return
    if (before && before.open === open && before.version !== version) deps.events.emit('workspace.written', {})
  }
  return check
}
