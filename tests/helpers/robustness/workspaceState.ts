import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { summariesAndRebuild } from '../rollupSummaries'

/** What the robustness suite checks in a workspace file after each file or kill. */
export interface WorkspaceState {
  quickCheck: string
  responses: number
  imports: number
  customers: number
  /** Search-index rows whose response does not exist: a half-written import would leave some. */
  strayIndexRows: number
}

/**
 * The workspace as another connection sees it: what the app committed, nothing of a transaction in
 * flight. `readonly` while the app holds it open; after a kill, a connection that may write, so that
 * it recovers the file as the app's own open would.
 */
export function readState(path: string, opts: { readonly: boolean }): WorkspaceState {
  const db = new Database(path, { readonly: opts.readonly, fileMustExist: true })
  try {
    const count = (sql: string) => db.prepare(sql).pluck().get() as number
    return {
      quickCheck: String(db.pragma('quick_check', { simple: true })),
      responses: count('SELECT count(*) FROM responses'),
      imports: count('SELECT count(*) FROM imports'),
      customers: count('SELECT count(*) FROM customers'),
      strayIndexRows: count('SELECT count(*) FROM feedback_fts WHERE rowid NOT IN (SELECT id FROM responses)'),
    }
  } finally {
    db.close()
  }
}

/**
 * Whether the score summaries equal a rebuild from the raw responses. Checked on a copy (VACUUM
 * INTO, from a read-only connection): folding and rebuilding write, and the workspace may be open in
 * the app. Returns null when they agree, else what differs.
 */
export function rollupsDisagree(path: string, scratch: string): string | null {
  rmSync(scratch, { force: true })
  const source = new Database(path, { readonly: true, fileMustExist: true })
  try {
    source.prepare('VACUUM INTO ?').run(scratch)
  } finally {
    source.close()
  }
  const copy = new Database(scratch)
  try {
    const { incremental, rebuilt } = summariesAndRebuild(copy)
    const differing = (Object.keys(incremental) as Array<keyof typeof incremental>).filter((k) => JSON.stringify(incremental[k]) !== JSON.stringify(rebuilt[k]))
    return differing.length ? `rollups differ from a rebuild in ${differing.join(', ')} (${differing.map((k) => `${incremental[k].length} vs ${rebuilt[k].length} cells`).join(', ')})` : null
  } finally {
    copy.close()
    rmSync(scratch, { force: true })
  }
}
