import { useCallback } from 'react'
import { defaultReportOptions, type ReportOptions } from '../../../../../src-shared/api/reports'
import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import type { Locale } from '../../../../../src-shared/domain/locales'
import { useReportExport } from '../../../api/useReportExport'
import type { ScorePeriod } from '../scores/liveScores'

/** The editor's live-score period as a report's period preset. */
const PERIOD: Record<ScorePeriod, ReportOptions['period']['preset']> = { '90d': 'last90', '12m': 'last12Months', all: 'all' }

/**
 * The one-map PDF: the map alone — its persona strip, then its landscape pages split by stages, the
 * very pages a consultant's deliverable prints for it — with the live scores of the editor's period,
 * in the app's language, titled with the map's name. It goes through the report export (progress,
 * cancel, a save dialog on the desktop, a download in the browser).
 */
export function mapPdfOptions(doc: JourneyDoc, period: ScorePeriod, locale: Locale): ReportOptions {
  const base = defaultReportOptions('consultant', locale)
  return { ...base, title: doc.map.name, sections: ['journeys'], journeyIds: [doc.map.id], period: { preset: PERIOD[period] }, metric: doc.map.scoreMetric }
}

export function useMapPdf() {
  const exporter = useReportExport()
  const { start } = exporter
  const exportMapPdf = useCallback((doc: JourneyDoc, period: ScorePeriod, locale: Locale) => void start(mapPdfOptions(doc, period, locale)), [start])
  return { ...exporter, exportMapPdf }
}
