import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { useApi, useTransport } from '../../../api/hooks'
import { JourneyEditorStore } from './editorStore'

type Loaded = { store: JourneyEditorStore; error: null } | { store: null; error: unknown } | { store: null; error: null }

/** Loads a map into an editor store and re-renders on every change of it; `reload` starts again from the workspace. */
export function useJourneyEditor(id: string) {
  const api = useApi()
  const [attempt, setAttempt] = useState(0)
  const [loaded, setLoaded] = useState<Loaded & { id: string | null }>({ store: null, error: null, id: null })

  useEffect(() => {
    let cancelled = false
    let created: JourneyEditorStore | null = null
    api.call('journeys.get', { id }).then(
      ({ doc, revision }) => {
        if (cancelled) return
        created = new JourneyEditorStore(doc, revision, (commands, baseRevision) => api.call('journeys.apply', { id, baseRevision, commands }))
        setLoaded({ store: created, error: null, id })
      },
      (error: unknown) => !cancelled && setLoaded({ store: null, error, id }),
    )
    return () => {
      cancelled = true
      created?.dispose()
    }
  }, [api, id, attempt])

  // An edit not yet stored is the only thing closing the tab could lose: the browser asks first.
  // (In the desktop app a cancelled unload would silently keep the window open; there a save is
  // an in-process IPC call of about a millisecond, already on its way when the window closes.)
  const desktop = useTransport().kind === 'desktop'
  useEffect(() => {
    const store = loaded.store
    if (!store || desktop) return
    const guard = (e: BeforeUnloadEvent) => {
      if (store.unsaved > 0) e.preventDefault()
    }
    window.addEventListener('beforeunload', guard)
    return () => window.removeEventListener('beforeunload', guard)
  }, [loaded.store, desktop])

  const store = loaded.id === id ? loaded.store : null
  const noop = useCallback(() => () => undefined, [])
  const snapshot = useSyncExternalStore(store ? store.subscribe : noop, () => store?.snapshot ?? null)
  const reload = useCallback(() => setAttempt((a) => a + 1), [])
  return { store, snapshot, error: loaded.id === id ? loaded.error : null, reload }
}
