import { randomBytes } from 'node:crypto'
import type { ReportData } from '../../../src-shared/api/reports'
import { AppError } from '../../../src-shared/api/result'

/**
 * Reports waiting to be printed, by a short-lived id: the print page is opened on
 * #/report-print?job=<id> and reads its data over the API, so no report data travels in a URL.
 */
const jobs = new Map<string, ReportData>()

export function registerPrintJob(data: ReportData): { id: string; release(): void } {
  const id = randomBytes(12).toString('base64url')
  jobs.set(id, data)
  return { id, release: () => void jobs.delete(id) }
}

export function printJob(id: string): ReportData {
  const data = jobs.get(id)
  if (!data) throw new AppError('NOT_FOUND', 'That report is no longer waiting to be printed.')
  return data
}
