import { useCallback, useState } from 'react'
import type { ExportStage, ReportOptions } from '../../../src-shared/api/reports'
import type { Res } from '../../../src-shared/api/contract'
import { useApi, useAppEvent, useTransport } from './hooks'

export interface ExportState {
  exportId: string
  stage: ExportStage
  result: NonNullable<Res<'reports.export'>> | null
  error: Error | null
}

const FINISHED: readonly ExportStage[] = ['done', 'failed', 'cancelled']

function newExportId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Exporting a report to PDF: progress from the main process's reports.progress events, cancel,
 * and, in a browser, the download of the finished file (the desktop saved it where the user chose).
 */
export function useReportExport() {
  const api = useApi()
  const transport = useTransport()
  const [state, setState] = useState<ExportState | null>(null)

  useAppEvent(
    'reports.progress',
    useCallback((p) => setState((s) => (s && s.exportId === p.exportId && !FINISHED.includes(s.stage) ? { ...s, stage: p.stage } : s)), []),
  )

  const start = useCallback(
    async (options: ReportOptions) => {
      const exportId = newExportId()
      setState({ exportId, stage: 'data', result: null, error: null })
      try {
        const result = await api.call('reports.export', { exportId, options })
        // Null: the user closed the save dialog; nothing happened.
        if (!result) return setState(null)
        if (result.downloadId && transport.downloadReport) await transport.downloadReport(result.downloadId)
        setState({ exportId, stage: 'done', result, error: null })
      } catch (e) {
        const cancelled = (e as { code?: string }).code === 'CANCELLED'
        setState({ exportId, stage: cancelled ? 'cancelled' : 'failed', result: null, error: cancelled ? null : (e as Error) })
      }
    },
    [api, transport],
  )

  const cancel = useCallback(() => {
    if (state) void api.call('reports.cancelExport', { exportId: state.exportId }).catch(() => undefined)
  }, [api, state])

  return { state, start, cancel, running: state !== null && !FINISHED.includes(state.stage), dismiss: () => setState(null) }
}
