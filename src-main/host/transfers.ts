import type { IncomingMessage, ServerResponse } from 'node:http'
import { createReadStream, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { pipeline } from 'node:stream/promises'
import type { AppContext } from '../app/context'
import { writeSnapshot } from '../app/workspaceActions'
import { takeDownload } from '../common/downloads'
import { isAppError } from '../../src-shared/api/result'
import { readBody } from './body'
import type { HostLimits } from './limits'
import { sendJson } from './respond'
import { uploadFile } from './uploadFile'

/** A file name from the query string, shown to the user only: no control characters, bounded. */
function displayName(raw: string | null): string {
  const name = [...(raw ?? '')]
    .filter((c) => c.charCodeAt(0) >= 32 && c !== '\u007f')
    .join('')
    .trim()
    .slice(0, 255)
  return name || 'upload.csv'
}

/**
 * A browser upload for import, written to the uploads folder as it arrives and counted as it
 * arrives, so a chunked upload stops at the cap too. A refused or broken upload leaves no file.
 */
export async function receiveUpload(ctx: AppContext, url: URL, req: IncomingMessage, res: ServerResponse, limits: HostLimits): Promise<void> {
  const name = displayName(url.searchParams.get('name'))
  mkdirSync(ctx.paths.uploadsDir, { recursive: true })
  const path = join(ctx.paths.uploadsDir, randomBytes(12).toString('hex'))
  const file = uploadFile(path)
  try {
    await readBody(req, { maxBytes: limits.maxUploadBytes, idleMs: limits.bodyIdleTimeoutMs }, (chunk) => file.write(chunk))
    await file.finish()
  } catch (e) {
    await file.discard()
    throw e
  }
  res.removeHeader('connection')
  sendJson(res, 200, { ok: true, data: ctx.files.register(path, name) })
}

/** The open workspace as one self-contained file, made for this download and deleted after it. */
export async function sendWorkspaceCopy(ctx: AppContext, res: ServerResponse): Promise<void> {
  const open = ctx.session.open
  if (!open) return sendJson(res, 409, { ok: false, error: { code: 'NO_WORKSPACE', message: 'No workspace is open.' } })
  mkdirSync(ctx.paths.uploadsDir, { recursive: true })
  const tmp = join(ctx.paths.uploadsDir, `copy-${randomBytes(8).toString('hex')}.cxdesk`)
  try {
    await writeSnapshot(open.ws.sqlite, tmp, ctx.sqlite.nativeBinding)
    const fileName = `${open.settings.name}.cxdesk`
    res.writeHead(200, {
      'content-type': 'application/vnd.sqlite3',
      'content-disposition': `attachment; filename="workspace.cxdesk"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
    })
    await pipeline(createReadStream(tmp), res)
  } finally {
    rmSync(tmp, { force: true })
  }
}

/** A finished file (a PDF report, a data export), once: the file is deleted after it has been sent. */
export async function sendDownload(url: URL, res: ServerResponse): Promise<void> {
  let download: ReturnType<typeof takeDownload>
  try {
    download = takeDownload(url.searchParams.get('id') ?? '')
  } catch (e) {
    if (!isAppError(e)) throw e
    return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: e.message } })
  }
  try {
    const ascii = download.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
    res.writeHead(200, {
      'content-type': download.contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
      'cache-control': 'no-store',
    })
    await pipeline(createReadStream(download.path), res)
  } finally {
    download.done()
  }
}
