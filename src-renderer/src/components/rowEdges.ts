/** Where an item of a wrapping row sits: whether it begins and whether it ends a visual row. */
export interface RowEdge {
  start: boolean
  end: boolean
}

/**
 * The visual rows of a wrapped flex row, from its items' boxes in order (left-to-right script): an
 * item begins a row when it is the first, or when it sits left of the item before it (the line broke
 * there); it ends a row when it is the last or the next item begins one. Items without a box (not
 * shown) are null and take no part.
 */
export function rowEdges(boxes: ReadonlyArray<{ left: number; right: number } | null>): Array<RowEdge | null> {
  const out: Array<RowEdge | null> = boxes.map(() => null)
  let previous: { left: number; right: number } | null = null
  let last = -1
  boxes.forEach((box, i) => {
    if (!box) return
    const start = previous === null || box.left < previous.left + 1
    if (start && last >= 0) out[last]!.end = true
    out[i] = { start, end: false }
    previous = box
    last = i
  })
  if (last >= 0) out[last]!.end = true
  return out
}
