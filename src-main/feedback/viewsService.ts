import type { SavedView } from '../../src-shared/api/tags'
import { AppError } from '../../src-shared/api/result'
import { filterFromSearchParams, filterToSearchParams } from '../../src-shared/api/filters'
import type { OpenWorkspace } from '../db/openWorkspace'
import { deleteViewRow, insertView, updateView, viewRows } from './viewsRepository'

export function listViews(open: OpenWorkspace): Promise<SavedView[]> {
  return viewRows(open.db)
}

/** Saves a view; its query is normalised through the filter codec, so only a valid filter is stored. */
export async function saveView(open: OpenWorkspace, req: { id?: number; name: string; query: string }, now: number): Promise<SavedView> {
  const query = filterToSearchParams(filterFromSearchParams(new URLSearchParams(req.query))).toString()
  const name = req.name.trim()
  if (req.id !== undefined) {
    if (!(await updateView(open.db, req.id, { name, query }, now))) throw new AppError('NOT_FOUND', 'That view no longer exists.')
    return { id: req.id, name, query }
  }
  return { id: await insertView(open.db, { name, query }, now), name, query }
}

export async function deleteView(open: OpenWorkspace, id: number): Promise<null> {
  await deleteViewRow(open.db, id)
  return null
}
