import { useCallback, useState } from 'react'
import type { ImportSummary } from '../../../../src-shared/api/imports'
import type { FileRef } from '../../../../src-shared/api/files'
import { useApi, useAppEvent, useTransport } from '../../api/hooks'

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; fileName: string; percent: number }
  | { phase: 'done'; summary: ImportSummary }
  | { phase: 'failed'; fileName: string; error: unknown }

/** Browser: the page's own file picker; resolves null when the user closes it without choosing. */
function pickInBrowser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,text/csv'
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true })
    input.addEventListener('cancel', () => resolve(null), { once: true })
    input.click()
  })
}

/** Choose a file, send it to the main process if needed, import it, and follow its progress. */
export function useImportFlow() {
  const api = useApi()
  const transport = useTransport()
  const [state, setState] = useState<ImportState>({ phase: 'idle' })

  useAppEvent(
    'import.progress',
    useCallback((p) => {
      setState((s) => (s.phase === 'running' ? { ...s, percent: Math.min(99, Math.round((100 * p.bytesRead) / Math.max(1, p.totalBytes))) } : s))
    }, []),
  )

  const start = useCallback(async () => {
    let ref: FileRef | null = null
    let fileName = ''
    try {
      if (transport.upload) {
        const file = await pickInBrowser()
        if (!file) return
        fileName = file.name
        setState({ phase: 'running', fileName, percent: 0 })
        ref = await transport.upload(file)
      } else {
        ref = await api.call('files.pick', { purpose: 'import' })
        if (!ref) return
        fileName = ref.name
      }
      setState({ phase: 'running', fileName, percent: 0 })
      const summary = await api.call('import.run', { fileId: ref.id })
      setState({ phase: 'done', summary })
    } catch (error) {
      setState({ phase: 'failed', fileName, error })
    }
  }, [api, transport])

  return { state, start, reset: () => setState({ phase: 'idle' }) }
}
