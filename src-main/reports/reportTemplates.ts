import { reportOptionsSchema, type ReportOptions, type ReportTemplate } from '../../src-shared/api/reports'
import { AppError } from '../../src-shared/api/result'
import type { OpenWorkspace } from '../db/openWorkspace'
import { deleteTemplateRow, insertTemplate, templateIdByName, templateRow, templateRows, updateTemplate, type TemplateRow } from './reportTemplatesRepository'

/** A stored template read through today's contract; options it cannot read fall back to null (the template is then listed without them). */
function toTemplate(row: TemplateRow): ReportTemplate | null {
  const parsed = reportOptionsSchema.safeParse(JSON.parse(row.options))
  return parsed.success ? { id: row.id, name: row.name, options: parsed.data, updatedAt: row.updated_at } : null
}

export async function listReportTemplates(open: OpenWorkspace): Promise<ReportTemplate[]> {
  return (await templateRows(open.db)).map(toTemplate).filter((t): t is ReportTemplate => t !== null)
}

async function byId(open: OpenWorkspace, id: number): Promise<ReportTemplate> {
  const row = await templateRow(open.db, id)
  const template = row ? toTemplate(row) : null
  if (!template) throw new AppError('NOT_FOUND', 'That report template no longer exists.')
  return template
}

/** Saves a template (replacing the one with `id`); names are unique in a workspace, whatever their case. */
export async function saveReportTemplate(open: OpenWorkspace, req: { id?: number; name: string; options: ReportOptions }, now: number): Promise<ReportTemplate> {
  const name = req.name.trim()
  if (!name) throw new AppError('VALIDATION', 'Give the template a name.')
  const clash = await templateIdByName(open.db, name)
  if (clash !== undefined && clash !== req.id) throw new AppError('VALIDATION', `A report template named "${name}" already exists.`)
  const options = JSON.stringify(req.options)
  if (req.id !== undefined) {
    await byId(open, req.id)
    await updateTemplate(open.db, req.id, { name, options }, now)
    return byId(open, req.id)
  }
  return byId(open, await insertTemplate(open.db, { name, options }, now))
}

export async function deleteReportTemplate(open: OpenWorkspace, id: number): Promise<ReportTemplate> {
  const template = await byId(open, id)
  await deleteTemplateRow(open.db, id)
  return template
}
