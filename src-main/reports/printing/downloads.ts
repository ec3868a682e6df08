import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { AppError } from '../../../src-shared/api/result'

interface Download {
  path: string
  fileName: string
}

/** Finished PDFs waiting for the browser to fetch them (GET /api/reports/download?id=…); each is served once. */
const waiting = new Map<string, Download>()

export function offerDownload(path: string, fileName: string): string {
  const id = randomBytes(12).toString('base64url')
  waiting.set(id, { path, fileName })
  return id
}

/** Takes a download off the list; the caller streams the file and then calls `done` to delete it. */
export function takeDownload(id: string): Download & { done(): void } {
  const d = waiting.get(id)
  if (!d) throw new AppError('NOT_FOUND', 'That report has already been downloaded or has expired; export it again.')
  waiting.delete(id)
  return { ...d, done: () => rmSync(d.path, { force: true }) }
}
