import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { AppError } from '../../src-shared/api/result'

interface Download {
  path: string
  fileName: string
  /** The Content-Type the host sends it with. */
  contentType: string
}

/**
 * Finished files waiting for the browser to fetch them (a PDF report: GET /api/reports/download?id=…;
 * a data export: GET /api/export/download?id=…); each is served once, then deleted.
 */
const waiting = new Map<string, Download>()

export function offerDownload(path: string, fileName: string, contentType = 'application/pdf'): string {
  const id = randomBytes(12).toString('base64url')
  waiting.set(id, { path, fileName, contentType })
  return id
}

/** Takes a download off the list; the caller streams the file and then calls `done` to delete it. */
export function takeDownload(id: string): Download & { done(): void } {
  const d = waiting.get(id)
  if (!d) throw new AppError('NOT_FOUND', 'That file has already been downloaded or has expired; export it again.')
  waiting.delete(id)
  return { ...d, done: () => rmSync(d.path, { force: true }) }
}
