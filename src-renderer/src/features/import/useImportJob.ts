import { useCallback, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { ImportKind, ImportMapping, ImportStage, ImportSummary, Inspection } from '../../../../src-shared/api/imports'
import type { FileRef } from '../../../../src-shared/api/files'
import { useApi, useAppEvent, useTransport } from '../../api/hooks'
import { newJobId, pickInBrowser } from './pickFile'

export type ImportStep =
  | { step: 'choose' }
  | { step: 'reading'; fileName: string }
  | { step: 'mapping'; inspection: Inspection }
  | { step: 'running'; inspection: Inspection; mapping: ImportMapping; dryRun: boolean; jobId: string; stage: ImportStage; percent: number; rows: number; bytesRead: number; totalBytes: number }
  | { step: 'checked'; inspection: Inspection; mapping: ImportMapping; summary: ImportSummary }
  | { step: 'done'; inspection: Inspection; summary: ImportSummary }
  | { step: 'failed'; fileName: string; error: unknown; inspection: Inspection | null }

type TableOptions = Partial<Pick<ImportMapping, 'encoding' | 'delimiter' | 'sheet' | 'headerRows'>>

/**
 * The import flow: choose a file (native dialog or upload), inspect it, then check and import with
 * a mapping, following progress events, with cancel. Every step is a value the page renders.
 */
export function useImportJob() {
  const api = useApi()
  const transport = useTransport()
  const queryClient = useQueryClient()
  const [state, setState] = useState<ImportStep>({ step: 'choose' })
  const fileRef = useRef<FileRef | null>(null)

  useAppEvent(
    'import.progress',
    useCallback((p) => {
      setState((s) =>
        s.step === 'running' && s.jobId === p.jobId
          ? { ...s, stage: p.stage, percent: Math.min(99, Math.round((100 * p.bytesRead) / Math.max(1, p.totalBytes))), rows: p.rowsRead, bytesRead: p.bytesRead, totalBytes: p.totalBytes }
          : s,
      )
    }, []),
  )

  const inspect = useCallback(
    async (ref: FileRef, kind: ImportKind, opts: TableOptions = {}) => {
      setState({ step: 'reading', fileName: ref.name })
      try {
        const inspection = await api.call('import.inspect', { fileId: ref.id, kind, ...opts })
        setState({ step: 'mapping', inspection })
      } catch (error) {
        setState({ step: 'failed', fileName: ref.name, error, inspection: null })
      }
    },
    [api],
  )

  const choose = useCallback(
    async (kind: ImportKind) => {
      let ref: FileRef | null
      try {
        if (transport.upload) {
          const file = await pickInBrowser('.csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          if (!file) return
          setState({ step: 'reading', fileName: file.name })
          ref = await transport.upload(file)
        } else {
          ref = await api.call('files.pick', { purpose: 'import' })
          if (!ref) return
        }
      } catch (error) {
        setState({ step: 'failed', fileName: '', error, inspection: null })
        return
      }
      fileRef.current = ref
      await inspect(ref, kind)
    },
    [api, transport, inspect],
  )

  const reinspect = useCallback(
    (kind: ImportKind, opts: TableOptions) => {
      if (fileRef.current) void inspect(fileRef.current, kind, opts)
    },
    [inspect],
  )

  const run = useCallback(
    async (inspection: Inspection, mapping: ImportMapping, dryRun: boolean, remember: boolean) => {
      const jobId = newJobId()
      setState({ step: 'running', inspection, mapping, dryRun, jobId, stage: 'starting', percent: 0, rows: 0, bytesRead: 0, totalBytes: 0 })
      try {
        const summary = await api.call('import.run', { fileId: inspection.fileId, mapping, jobId, dryRun, remember })
        if (dryRun) setState({ step: 'checked', inspection, mapping, summary })
        else {
          setState({ step: 'done', inspection, summary })
          void queryClient.invalidateQueries()
        }
      } catch (error) {
        setState({ step: 'failed', fileName: inspection.fileName, error, inspection })
      }
    },
    [api, queryClient],
  )

  const cancel = useCallback(() => {
    if (state.step === 'running') void api.call('import.cancel', { jobId: state.jobId })
  }, [api, state])

  return { state, setState, choose, reinspect, run, cancel, reset: () => setState({ step: 'choose' }) }
}
