import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { ExportStage, ReportOptions } from '../../src-shared/api/reports'
import { AppError } from '../../src-shared/api/result'
import { translator } from '../../src-shared/i18n/translate'
import { cleanFileName } from '../../src-shared/domain/fileName'
import { reportAudience, reportTitle } from '../../src-shared/domain/reportNames'
import type { EventBus } from '../common/events'
import type { FileRegistry } from '../common/fileRegistry'
import type { AppPaths } from '../common/paths'
import type { Platform } from '../common/platform'
import { writeFileAtomic } from '../common/atomicWrite'
import { offerDownload } from '../common/downloads'
import { pdfPageCount } from './printing/pdfPages'
import { registerPrintJob } from './printing/printJobs'
import { reportData, type ReportSource } from './reportData'

/** What an export needs of the process: the platform's printer and dialogs, chosen files, events, a temporary folder. */
export interface ExportDeps {
  platform: Platform
  files: FileRegistry
  events: EventBus
  paths: Pick<AppPaths, 'uploadsDir'>
}

/** Exports in progress, by the id the page chose, so reports.cancelExport can stop one. */
const running = new Map<string, AbortController>()

export function cancelExport(exportId: string): void {
  running.get(exportId)?.abort()
}

/**
 * A file name people recognise, from the client (else the workspace), the title and the period:
 * "Sông Trà Co – Customer experience review – 2026-01-01 – 2026-06-30.pdf", without characters
 * file systems refuse. Nothing of the tool's name, so a white-label deliverable can be sent as it is.
 */
export function reportFileName(options: ReportOptions, workspace: string, range: { from: string; to: string }): string {
  const title = reportTitle(options, translator(options.locale))
  const raw = `${reportAudience(options, workspace)} – ${title} – ${range.from} – ${range.to}`
  return `${cleanFileName(raw, 180)}.pdf`
}

/**
 * Makes a report's PDF: computes its data, lays it out in the print page and prints it, then writes
 * the file atomically (a failed or cancelled export leaves no file behind). Progress goes out as
 * reports.progress events. The destination: `fileId`, one the CLI registered; a save dialog
 * (desktop; null when the user cancels); or a temporary file offered once for download (browser).
 */
export async function exportReport(ctx: ExportDeps, src: ReportSource, req: { exportId: string; options: ReportOptions; fileId?: string }) {
  const { exportId, options } = req
  const print = ctx.platform.printToPdf
  if (!print) throw new AppError('UNSUPPORTED', 'PDF reports cannot be printed here.')
  if (running.has(exportId)) throw new AppError('VALIDATION', 'That export is already running.')
  // A registered destination is checked (and used up) before any work, so a stale id fails at once.
  const registered = req.fileId ? ctx.files.takeDestination(req.fileId, 'reportPdf') : null
  const emit = (stage: ExportStage, message?: string) => ctx.events.emit('reports.progress', { exportId, stage, ...(message ? { message } : {}) })
  const controller = new AbortController()
  running.set(exportId, controller)
  try {
    emit('data')
    const data = await reportData(src, options, controller.signal)
    const fileName = reportFileName(options, data.workspace.name, data.period)

    let path = registered
    let downloadId: string | null = null
    if (!path && ctx.platform.dialogs) {
      path = await ctx.platform.dialogs.chooseReportDestination(fileName)
      if (!path) {
        emit('cancelled')
        return null
      }
    }
    if (controller.signal.aborted) throw new AppError('CANCELLED', 'The export was cancelled.')

    const job = registerPrintJob(data)
    let pdf: Buffer
    try {
      pdf = await print({ route: `#/report-print?job=${job.id}`, signal: controller.signal, onStage: (s) => emit(s) })
    } finally {
      job.release()
    }
    if (controller.signal.aborted) throw new AppError('CANCELLED', 'The export was cancelled.')
    emit('writing')
    if (!path) {
      mkdirSync(ctx.paths.uploadsDir, { recursive: true })
      const tmp = join(ctx.paths.uploadsDir, `report-${randomBytes(8).toString('hex')}.pdf`)
      writeFileAtomic(tmp, pdf)
      downloadId = offerDownload(tmp, fileName)
    } else {
      try {
        writeFileAtomic(path, pdf)
      } catch (e) {
        throw new AppError('IO', `The PDF could not be written to ${path}: ${(e as Error).message}`)
      }
    }
    emit('done')
    return { path: downloadId ? null : path, downloadId, fileName, pages: pdfPageCount(pdf), bytes: pdf.length }
  } catch (e) {
    const wasCancelled = controller.signal.aborted || (e instanceof AppError && e.code === 'CANCELLED')
    emit(wasCancelled ? 'cancelled' : 'failed', wasCancelled ? undefined : (e as Error).message)
    if (wasCancelled && !(e instanceof AppError && e.code === 'CANCELLED')) throw new AppError('CANCELLED', 'The export was cancelled.')
    throw e
  } finally {
    running.delete(exportId)
  }
}
