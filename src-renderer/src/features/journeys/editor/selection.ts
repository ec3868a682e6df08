/** A click selects one card ('replace'); Shift or Ctrl+click adds it to the selection or takes it out ('toggle'). */
export function nextSelection(prev: ReadonlySet<string>, cardId: string, mode: 'replace' | 'toggle'): Set<string> {
  if (mode === 'replace') return new Set([cardId])
  const next = new Set(prev)
  if (next.has(cardId)) next.delete(cardId)
  else next.add(cardId)
  return next
}
