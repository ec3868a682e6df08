import { useEffect, useRef, useState, type RefObject } from 'react'
import type { Translate } from '../../../../../src-shared/i18n/translate'
import type { MapEditing } from '../map/mapContext'
import { createCardDrag, type CardDrag } from './cardDrag'
import type { JourneyEditorStore } from './editorStore'

export interface CardDragElements {
  viewport: RefObject<HTMLDivElement | null>
  layer: RefObject<HTMLDivElement | null>
  announcer: RefObject<HTMLDivElement | null>
}

/**
 * Card moves with a pointer or the keyboard. They run outside React (see cardDrag.ts) and read
 * the selection and the language as they are when a move starts.
 */
export function useCardDrag(store: JourneyEditorStore, selected: ReadonlySet<string>, t: Translate, dispatch: MapEditing['dispatch'], elements: CardDragElements): CardDrag {
  const latest = useRef({ selected, t, dispatch })
  useEffect(() => {
    latest.current = { selected, t, dispatch }
  }, [selected, t, dispatch])
  const [cardDrag] = useState(() =>
    createCardDrag({
      doc: () => store.doc,
      selected: () => latest.current.selected,
      t: () => latest.current.t,
      dispatch: (command) => latest.current.dispatch(command),
      viewport: () => elements.viewport.current,
      layer: () => elements.layer.current,
      announce: (text) => {
        if (elements.announcer.current) elements.announcer.current.textContent = text
      },
    }),
  )
  const { viewport } = elements
  useEffect(() => (viewport.current ? cardDrag.listen(viewport.current) : undefined), [cardDrag, viewport])
  return cardDrag
}
