import { useCallback, useState } from 'react'
import { nextSelection } from './selection'

export interface CardCell {
  laneId: string
  stepId: string
}

const focusCardText = () => requestAnimationFrame(() => document.getElementById('jm-card-text')?.focus())

/**
 * Which cards are selected, which one is open in the card panel, and the cell last focused (where
 * Ctrl+V pastes when nothing is selected).
 */
export function useCardSelection() {
  const [selected, setSelected] = useState<Set<string>>(() => new Set())
  const [openCardId, setOpenCardId] = useState<string | null>(null)
  const [activeCell, setActiveCell] = useState<CardCell | null>(null)
  const select = useCallback((cardId: string, mode: 'replace' | 'toggle') => setSelected((prev) => nextSelection(prev, cardId, mode)), [])
  /** Opens the card's panel with the card alone selected, and puts the cursor in its text. */
  const openCard = useCallback((cardId: string) => {
    setOpenCardId(cardId)
    setSelected(new Set([cardId]))
    focusCardText()
  }, [])
  const closeCard = useCallback(() => setOpenCardId(null), [])
  return { selected, setSelected, select, openCardId, openCard, closeCard, activeCell, setActiveCell }
}
