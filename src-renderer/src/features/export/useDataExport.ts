import { useCallback, useState } from 'react'
import type { DataExportProgress, DataExportResult, ExportFormat, ExportWhat } from '../../../../src-shared/api/exports'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import { useApi, useAppEvent, useTransport } from '../../api/hooks'

export interface DataExportState {
  exportId: string
  progress: DataExportProgress | null
  phase: 'running' | 'done' | 'failed' | 'cancelled'
  result: DataExportResult | null
  error: unknown
}

function newExportId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * A data export: progress from the main process's export.progress events, cancel, and in a browser
 * the download of the finished file (the desktop wrote it where the user chose).
 */
export function useDataExport() {
  const api = useApi()
  const transport = useTransport()
  const [state, setState] = useState<DataExportState | null>(null)

  useAppEvent(
    'export.progress',
    useCallback((p) => setState((s) => (s && s.exportId === p.exportId && s.phase === 'running' ? { ...s, progress: p } : s)), []),
  )

  const start = useCallback(
    async (what: ExportWhat, format: ExportFormat, filter: FeedbackFilter) => {
      const exportId = newExportId()
      setState({ exportId, progress: null, phase: 'running', result: null, error: null })
      try {
        const result = await api.call('export.run', { exportId, what, format, filter })
        // Null: the user closed the save dialog; nothing happened.
        if (!result) return setState(null)
        if (result.downloadId && transport.downloadExport) await transport.downloadExport(result.downloadId)
        setState((s) => ({ exportId, progress: s?.progress ?? null, phase: 'done', result, error: null }))
      } catch (e) {
        const cancelled = (e as { code?: string }).code === 'CANCELLED'
        setState((s) => ({ exportId, progress: s?.progress ?? null, phase: cancelled ? 'cancelled' : 'failed', result: null, error: cancelled ? null : e }))
      }
    },
    [api, transport],
  )

  const cancel = useCallback(() => {
    if (state) void api.call('export.cancel', { exportId: state.exportId }).catch(() => undefined)
  }, [api, state])

  return { state, start, cancel, running: state?.phase === 'running', reset: () => setState(null), desktop: transport.kind === 'desktop' }
}
