import { useState } from 'react'
import { useApi, useApiQuery, useTransport } from '../../api/hooks'

/**
 * New / Open / Save a copy / Close, the same from the start screen and the menu. On the desktop
 * these open native dialogs in the main process; in the browser they use in-page forms.
 */
export function useWorkspaceActions() {
  const api = useApi()
  const transport = useTransport()
  const info = useApiQuery('app.info', {})
  const nativeDialogs = info.data?.nativeDialogs ?? false
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setError(null)
    setNotice(null)
    try {
      return await work()
    } catch (e) {
      setError(e)
      return undefined
    }
  }

  return {
    nativeDialogs,
    workspacesDir: info.data?.workspacesDir ?? '',
    error,
    clearError: () => setError(null),
    notice,
    clearNotice: () => setNotice(null),
    /** Browser: a name in the workspaces folder; desktop (no name): its save dialog asks where. */
    create: (req: { name?: string; timezone: string }) => run(() => api.call('workspace.create', req)),
    /** A workspace from workspace.list by its id; without one, the desktop's open dialog. */
    open: (fileId?: string) => run(() => api.call('workspace.open', fileId ? { fileId } : {})),
    openDemo: () => run(() => api.call('workspace.openDemo', {})),
    close: () => run(() => api.call('workspace.close', {})),
    async saveCopy(savedMessage: (path: string) => string) {
      await run(async () => {
        if (transport.downloadWorkspaceCopy) return transport.downloadWorkspaceCopy()
        const saved = await api.call('workspace.saveCopy', {})
        if (saved) setNotice(savedMessage(saved.path))
      })
    },
  }
}
