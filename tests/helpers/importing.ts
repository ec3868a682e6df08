import { statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { ImportMapping } from '../../src-shared/api/imports'
import { inspectImport, runImport } from '../../src-main/import/importService'
import type { OpenWorkspace } from '../../src-main/db/openWorkspace'
import { fakeClock } from './clock'

export const EXPORTS = join(__dirname, '../fixtures/exports')

export const fileAt = (path: string) => ({ id: 'test-file-id', path, name: basename(path), size: statSync(path).size })

/** Inspect a file as the mapping step does. */
export const inspect = (open: OpenWorkspace, path: string, kind: 'responses' | 'customers' = 'responses') => inspectImport(open, fileAt(path), { kind })

/** Import a file with the proposed (or given) mapping, in this thread. */
export const importFile = (open: OpenWorkspace, path: string, mapping?: ImportMapping, opts: { dryRun?: boolean } = {}) =>
  runImport(open, fileAt(path), { mapping, dryRun: opts.dryRun ?? false, remember: false }, { clock: fakeClock(), emit: () => undefined })

export const rows = <T,>(open: OpenWorkspace, sql: string, ...args: unknown[]) => open.ws.sqlite.prepare(sql).all(...args) as T[]
