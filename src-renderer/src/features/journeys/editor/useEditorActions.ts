import { useMemo } from 'react'
import { newCard } from '../../../../../src-shared/domain/journeys/cards'
import type { MapEditing } from '../map/mapContext'
import { cardSelector, reveal } from '../map/reveal'
import type { CardDrag } from './cardDrag'
import type { JourneyEditorStore } from './editorStore'
import type { useCardSelection } from './useCardSelection'

type Selection = Pick<ReturnType<typeof useCardSelection>, 'selected' | 'select' | 'openCard' | 'setActiveCell'>

/** What the editable map's cells, cards and headers may do (MapEditingContext): one object, kept while nothing it holds changes. */
export function useEditorActions(store: JourneyEditorStore, dispatch: MapEditing['dispatch'], selection: Selection, cardDrag: CardDrag, announceRemoval: (what: string) => void): MapEditing {
  const { selected, select, openCard, setActiveCell } = selection
  return useMemo<MapEditing>(
    () => ({
      dispatch,
      selected,
      select,
      openCard,
      // A new card takes its lane's colour (pains red, ideas green) and, on the touchpoints lane, a channel to be chosen.
      addCard: (laneId, stepId) => {
        const lane = store.doc.lanes.find((l) => l.id === laneId)
        const card = newCard(laneId, stepId, { color: lane?.type === 'pains' ? 'red' : lane?.type === 'ideas' ? 'green' : 'default', channel: lane?.type === 'touchpoints' ? 'other' : null })
        if (dispatch({ type: 'addCards', cards: [card] })) return
        // The panel opens beside the map and narrows it: the card is then scrolled back into view, clear of the panel.
        openCard(card.id)
        reveal({ selector: cardSelector(card.id) })
      },
      setActiveCell: (laneId, stepId) => setActiveCell({ laneId, stepId }),
      pickUp: (cardId) => cardDrag.pickUp(cardId),
      announceRemoval,
    }),
    [dispatch, selected, select, openCard, setActiveCell, store, announceRemoval, cardDrag],
  )
}
