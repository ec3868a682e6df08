import type { ImportKind } from '../../src-shared/api/imports'
import { inspectTable, type InspectOptions, type TableInspection } from './openTable'
import { inspectInThread } from './worker/inspectInThread'

/**
 * The mapping step's look at a file. The app (desktop, web host, CLI) reads it on a reader thread
 * with a memory limit; `inProcess` is for workspaces in memory (unit tests), as for the import itself.
 */
export function inspectFile(path: string, name: string, kind: ImportKind, opts: InspectOptions, { inProcess }: { inProcess: boolean }): Promise<TableInspection> {
  return inProcess ? inspectTable(path, name, kind, opts) : inspectInThread(path, name, kind, opts)
}
