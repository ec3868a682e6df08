import type Database from 'better-sqlite3'
import { reportOptionsSchema, type ReportOptions, type ReportTemplate } from '../../src-shared/api/reports'
import { AppError } from '../../src-shared/api/result'

interface Row {
  id: number
  name: string
  options: string
  updated_at: number
}

/** A stored template read through today's contract; options it cannot read fall back to null (the template is then listed without them). */
function toTemplate(row: Row): ReportTemplate | null {
  const parsed = reportOptionsSchema.safeParse(JSON.parse(row.options))
  return parsed.success ? { id: row.id, name: row.name, options: parsed.data, updatedAt: row.updated_at } : null
}

export function listReportTemplates(sqlite: Database.Database): ReportTemplate[] {
  const rows = sqlite.prepare('SELECT id, name, options, updated_at FROM report_templates ORDER BY name COLLATE NOCASE').all() as Row[]
  return rows.map(toTemplate).filter((t): t is ReportTemplate => t !== null)
}

function byId(sqlite: Database.Database, id: number): ReportTemplate {
  const row = sqlite.prepare('SELECT id, name, options, updated_at FROM report_templates WHERE id = ?').get(id) as Row | undefined
  const template = row ? toTemplate(row) : null
  if (!template) throw new AppError('NOT_FOUND', 'That report template no longer exists.')
  return template
}

/** Saves a template (replacing the one with `id`); names are unique in a workspace, whatever their case. */
export function saveReportTemplate(sqlite: Database.Database, req: { id?: number; name: string; options: ReportOptions }, now: number): ReportTemplate {
  const name = req.name.trim()
  if (!name) throw new AppError('VALIDATION', 'Give the template a name.')
  const clash = sqlite.prepare('SELECT id FROM report_templates WHERE name = ? COLLATE NOCASE').get(name) as { id: number } | undefined
  if (clash && clash.id !== req.id) throw new AppError('VALIDATION', `A report template named "${name}" already exists.`)
  const options = JSON.stringify(req.options)
  if (req.id !== undefined) {
    byId(sqlite, req.id)
    sqlite.prepare('UPDATE report_templates SET name = ?, options = ?, updated_at = ? WHERE id = ?').run(name, options, now, req.id)
    return byId(sqlite, req.id)
  }
  const id = Number(sqlite.prepare('INSERT INTO report_templates (name, options, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, options, now, now).lastInsertRowid)
  return byId(sqlite, id)
}

export function deleteReportTemplate(sqlite: Database.Database, id: number): ReportTemplate {
  const template = byId(sqlite, id)
  sqlite.prepare('DELETE FROM report_templates WHERE id = ?').run(id)
  return template
}
