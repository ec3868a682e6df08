import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { PosterData, PosterLayout } from '../../src-shared/api/collection'
import { AppError } from '../../src-shared/api/result'
import { cleanFileName } from '../../src-shared/domain/fileName'
import type { Locale } from '../../src-shared/domain/locales'
import type { FileRegistry } from '../common/fileRegistry'
import type { AppPaths } from '../common/paths'
import type { Platform } from '../common/platform'
import { writeFileAtomic } from '../common/atomicWrite'
import { offerDownload } from '../common/downloads'
import type { Sqlite } from '../db/sqlite'
import { pdfPageCount } from '../reports/printing/pdfPages'
import { qrModules } from './qr'
import { listSurveys } from './surveysService'

/** Posters waiting for the print page, by a short-lived id (no survey data in a URL). */
const jobs = new Map<string, PosterData>()

export function posterJob(id: string): PosterData {
  const data = jobs.get(id)
  if (!data) throw new AppError('NOT_FOUND', 'That poster is no longer waiting to be printed.')
  return data
}

/** What goes on the poster: the survey's look and, per open QR link, its address and code. */
export function posterData(sqlite: Sqlite, surveyId: number, baseUrl: string, layout: PosterLayout, language: Locale): PosterData {
  const survey = listSurveys(sqlite).find((s) => s.id === surveyId)
  if (!survey) throw new AppError('NOT_FOUND', `There is no survey ${surveyId}.`)
  const links = survey.links.filter((l) => l.kind === 'qr' && l.revokedAt === null)
  if (!links.length) throw new AppError('VALIDATION', `Survey "${survey.name}" has no open QR link: add one first.`)
  return {
    layout,
    language,
    surveyName: survey.name,
    shopName: survey.shopName,
    colour: survey.colour,
    metric: survey.metric,
    logo: survey.logo,
    links: links.map((l) => {
      const url = `${baseUrl}/s/${l.token}`
      return { url, location: l.location ?? survey.location, modules: qrModules(url).modules }
    }),
  }
}

export interface PosterDeps {
  platform: Platform
  files: FileRegistry
  paths: AppPaths
}

/**
 * Prints a survey's poster or table cards through the print page (the same printer as the
 * reports) and writes the PDF atomically: to a registered destination (the CLI), a save dialog
 * (desktop; null on cancel), or a temporary file offered once for download (browser).
 */
export async function printPoster(deps: PosterDeps, data: PosterData, fileId?: string) {
  const print = deps.platform.printToPdf
  if (!print) throw new AppError('UNSUPPORTED', 'PDFs cannot be printed here.')
  let path = fileId ? deps.files.takeDestination(fileId, 'reportPdf') : null
  const fileName = `${cleanFileName(`${data.surveyName} – ${data.layout === 'poster' ? 'QR poster' : 'table cards'}`, 180)}.pdf`
  if (!path && deps.platform.dialogs) {
    path = await deps.platform.dialogs.chooseReportDestination(fileName)
    if (!path) return null
  }
  const id = randomBytes(12).toString('base64url')
  jobs.set(id, data)
  let pdf: Buffer
  try {
    pdf = await print({ route: `#/poster-print?job=${id}` })
  } finally {
    jobs.delete(id)
  }
  let downloadId: string | null = null
  if (!path) {
    mkdirSync(deps.paths.uploadsDir, { recursive: true })
    const tmp = join(deps.paths.uploadsDir, `poster-${randomBytes(8).toString('hex')}.pdf`)
    writeFileAtomic(tmp, pdf)
    downloadId = offerDownload(tmp, fileName)
  } else {
    try {
      writeFileAtomic(path, pdf)
    } catch (e) {
      throw new AppError('IO', `The PDF could not be written to ${path}: ${(e as Error).message}`)
    }
  }
  return { path: downloadId ? null : path, downloadId, fileName, pages: pdfPageCount(pdf), bytes: pdf.length }
}
