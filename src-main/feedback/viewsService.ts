import type { SavedView } from '../../src-shared/api/tags'
import { AppError } from '../../src-shared/api/result'
import { filterFromSearchParams, filterToSearchParams } from '../../src-shared/api/filters'
import type { OpenWorkspace } from '../db/openWorkspace'

export function listViews(open: OpenWorkspace): SavedView[] {
  return open.ws.sqlite.prepare('SELECT id, name, query FROM saved_views ORDER BY name COLLATE NOCASE').all() as SavedView[]
}

/** Saves a view; its query is normalised through the filter codec, so only a valid filter is stored. */
export function saveView(open: OpenWorkspace, req: { id?: number; name: string; query: string }, now: number): SavedView {
  const sqlite = open.ws.sqlite
  const query = filterToSearchParams(filterFromSearchParams(new URLSearchParams(req.query))).toString()
  const name = req.name.trim()
  if (req.id !== undefined) {
    if (!sqlite.prepare('UPDATE saved_views SET name = ?, query = ?, updated_at = ? WHERE id = ?').run(name, query, now, req.id).changes)
      throw new AppError('NOT_FOUND', 'That view no longer exists.')
    return { id: req.id, name, query }
  }
  const id = Number(sqlite.prepare('INSERT INTO saved_views (name, query, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, query, now, now).lastInsertRowid)
  return { id, name, query }
}

export function deleteView(open: OpenWorkspace, id: number): null {
  open.ws.sqlite.prepare('DELETE FROM saved_views WHERE id = ?').run(id)
  return null
}
