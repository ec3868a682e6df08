import { useCallback, useState } from 'react'
import type { MapEditing } from '../map/mapContext'
import type { JourneyEditorStore } from './editorStore'

/** Applies edits to the store and keeps the last refusal's message for the editor to show. */
export function useCommandDispatch(store: JourneyEditorStore) {
  const [commandError, setCommandError] = useState<string | null>(null)
  const dispatch = useCallback<MapEditing['dispatch']>(
    (commands, opts) => {
      const problem = store.dispatch(commands, opts)
      setCommandError(problem ? problem.message : null)
      return problem
    },
    [store],
  )
  const dismissCommandError = useCallback(() => setCommandError(null), [])
  return { dispatch, commandError, dismissCommandError }
}
