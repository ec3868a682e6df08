import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'

export interface Fingerprint {
  /** Rows and a hash of their content, per table of the workspace. */
  tables: Record<string, { rows: number; hash: string }>
  /** The folders' file names (uploads, workspaces), sizes left out: a checkpoint changes them without a write. */
  files: Record<string, string[]>
  /** Hashes of files that must not change (preferences). */
  documents: Record<string, string | null>
}

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex').slice(0, 16)
const json = (row: unknown) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v))

/**
 * Everything an invalid request could have written, read from outside the process that holds
 * the workspace (a read-only connection sees what it committed).
 */
export function fingerprint(workspace: string, folders: Record<string, string>, documents: Record<string, string>): Fingerprint {
  const db = new Database(workspace, { readonly: true, fileMustExist: true })
  try {
    const tables: Fingerprint['tables'] = {}
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
    for (const name of names) {
      const rows = (db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all() as unknown[]).map(json).sort()
      tables[name] = { rows: rows.length, hash: sha(rows.join('\n')) }
    }
    const files = Object.fromEntries(Object.entries(folders).map(([k, dir]) => [k, existsSync(dir) ? readdirSync(dir).filter((f) => !/-(wal|shm)$/.test(f)).sort() : []]))
    const docs = Object.fromEntries(Object.entries(documents).map(([k, path]) => [k, existsSync(path) ? sha(readFileSync(path)) : null]))
    return { tables, files, documents: docs }
  } finally {
    db.close()
  }
}

/** What differs between two fingerprints, in words (empty when nothing was written). */
export function differences(a: Fingerprint, b: Fingerprint): string[] {
  const out: string[] = []
  for (const t of new Set([...Object.keys(a.tables), ...Object.keys(b.tables)]))
    if (json(a.tables[t]) !== json(b.tables[t])) out.push(`table ${t}: ${json(a.tables[t])} → ${json(b.tables[t])}`)
  for (const k of Object.keys(a.files)) if (json(a.files[k]) !== json(b.files[k])) out.push(`${k}: ${json(a.files[k])} → ${json(b.files[k])}`)
  for (const k of Object.keys(a.documents)) if (a.documents[k] !== b.documents[k]) out.push(`${k} changed`)
  return out
}
