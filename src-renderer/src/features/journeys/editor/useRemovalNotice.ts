import { useCallback, useState } from 'react'
import type { useI18n } from '../../../i18n/I18nProvider'

/** What was just removed (a stage, a lane, cards), for the notice that offers to undo it. */
export function useRemovalNotice(t: ReturnType<typeof useI18n>['t']) {
  const [removal, setRemoval] = useState<string | null>(null)
  const announceRemoval = useCallback((what: string) => setRemoval(what), [])
  const announceRemovedCards = useCallback((count: number) => setRemoval(t.plural('journey.removed.cards', count)), [t])
  const dismissRemoval = useCallback(() => setRemoval(null), [])
  return { removal, announceRemoval, announceRemovedCards, dismissRemoval }
}
