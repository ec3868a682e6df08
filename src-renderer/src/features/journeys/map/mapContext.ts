import { createContext, useContext } from 'react'
import type { Command } from '../../../../../src-shared/domain/journeys/commands'
import type { Card, EmotionPoint } from '../../../../../src-shared/domain/journeys/model'
import type { CommandError } from '../../../../../src-shared/domain/journeys/reducer'
import type { CompareStatus } from '../compare/compareDocs'
import type { LiveScores } from '../scores/useLiveScores'

/** What the map shows besides the document: live scores, heat map, the other version. */
export interface MapDisplay {
  scores: LiveScores | null
  heat: boolean
  actualCurve: boolean
  /** Each card's difference from the other version (as-is ↔ to-be), when comparing. */
  compare: Map<string, CompareStatus> | null
  /** The other version's emotion points, drawn faintly behind this one's. */
  otherEmotions: EmotionPoint[] | null
  onOpenScore: ((card: Card) => void) | null
}

/** Present only when the map is editable; a printed or presented map has none. */
export interface MapEditing {
  dispatch(commands: Command | Command[], opts?: { coalesceKey?: string }): CommandError | null
  selected: ReadonlySet<string>
  select(cardId: string, mode: 'replace' | 'toggle'): void
  openCard(cardId: string): void
  addCard(laneId: string, stepId: string): void
  setActiveCell(laneId: string, stepId: string): void
  /** Picks a card (and the selection it is in) up to move it with the arrow keys. */
  pickUp(cardId: string): void
  /** Tells the user that something was removed, with a way to undo it. */
  announceRemoval(what: string): void
}

/** The element whose text tells a screen reader how to move a card. */
export const CARD_DRAG_HELP_ID = 'jm-card-drag-help'

export const MapEditingContext = createContext<MapEditing | null>(null)
export const useMapEditing = () => useContext(MapEditingContext)
