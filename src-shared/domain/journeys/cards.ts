import { newId } from './ids'
import type { Card } from './model'

/** A new card with the plain defaults (white, no icon, no link), placed in a cell. */
export function newCard(laneId: string, stepId: string, extra: Partial<Card> = {}): Card {
  return { id: newId(), laneId, stepId, text: '', color: 'default', icon: 'none', channel: null, link: null, evidence: [], image: null, ...extra }
}
