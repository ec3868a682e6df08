import { useEffect } from 'react'
import { isCardLane } from '../../../../../src-shared/domain/journeys/grid'
import { newId } from '../../../../../src-shared/domain/journeys/ids'
import { cardSchema, type Card } from '../../../../../src-shared/domain/journeys/model'
import { keyboardMove } from './cardMoves'
import type { JourneyEditorStore } from './editorStore'

const CLIPBOARD_KEY = 'cxdesk.journey.clipboard'

/** Copied cards, kept for the session so they can be pasted into another map too. */
export function copyCards(cards: Card[]): void {
  sessionStorage.setItem(CLIPBOARD_KEY, JSON.stringify(cards))
}

export function pastedCards(laneId: string, stepId: string): Card[] {
  try {
    const raw: unknown = JSON.parse(sessionStorage.getItem(CLIPBOARD_KEY) ?? '[]')
    if (!Array.isArray(raw)) return []
    return raw.flatMap((c) => {
      const parsed = cardSchema.safeParse(c)
      return parsed.success ? [{ ...parsed.data, id: newId(), laneId, stepId }] : []
    })
  } catch {
    return []
  }
}

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('dialog[open]'))

/**
 * Editor shortcuts: Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo (anywhere but in a text field),
 * Delete removes the selected cards, Ctrl+C / Ctrl+V copy and paste them, Ctrl+D duplicates,
 * Alt+arrows move them, Escape clears the selection.
 */
export function useEditorShortcuts(opts: {
  store: JourneyEditorStore
  selected: ReadonlySet<string>
  setSelected: (s: Set<string>) => void
  activeCell: { laneId: string; stepId: string } | null
  onRemoved: (count: number) => void
  enabled: boolean
}): void {
  const { store, selected, setSelected, activeCell, onRemoved, enabled } = opts
  useEffect(() => {
    if (!enabled) return
    const focusCard = (id: string) => requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-card-id="${id}"]`)?.focus())
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (mod && key === 'z' && !typing(e.target)) {
        e.preventDefault()
        if (e.shiftKey) store.redo()
        else store.undo()
        return
      }
      if (mod && key === 'y' && !typing(e.target)) {
        e.preventDefault()
        store.redo()
        return
      }
      if (typing(e.target)) return
      const doc = store.doc
      const ids = doc.cards.filter((c) => selected.has(c.id)).map((c) => c.id)
      if ((e.key === 'Delete' || e.key === 'Backspace') && ids.length) {
        e.preventDefault()
        store.dispatch({ type: 'deleteCards', ids })
        setSelected(new Set())
        onRemoved(ids.length)
      } else if (mod && key === 'c' && ids.length) {
        e.preventDefault()
        copyCards(doc.cards.filter((c) => selected.has(c.id)))
      } else if (mod && key === 'v') {
        const first = doc.cards.find((c) => c.id === ids[0])
        const target = first ? { laneId: first.laneId, stepId: first.stepId } : activeCell
        if (!target || !doc.lanes.some((l) => l.id === target.laneId && isCardLane(l))) return
        const cards = pastedCards(target.laneId, target.stepId)
        if (!cards.length) return
        e.preventDefault()
        if (!store.dispatch({ type: 'addCards', cards })) setSelected(new Set(cards.map((c) => c.id)))
      } else if (mod && key === 'd' && ids.length) {
        e.preventDefault()
        const copies = doc.cards.filter((c) => selected.has(c.id)).map((c) => ({ ...c, id: newId() }))
        if (!store.dispatch({ type: 'addCards', cards: copies })) setSelected(new Set(copies.map((c) => c.id)))
      } else if (e.altKey && ids.length && e.key.startsWith('Arrow')) {
        const cmd = keyboardMove(doc, ids, e.key, e.shiftKey)
        e.preventDefault()
        if (cmd && !store.dispatch(cmd)) focusCard(ids[0])
      } else if (e.key === 'Escape' && selected.size) setSelected(new Set())
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store, selected, setSelected, activeCell, onRemoved, enabled])
}

