import { useLayoutEffect, type RefObject } from 'react'
import { rowEdges } from './rowEdges'

/** Marks each child of a wrapping row with data-row-start / data-row-end, as rowEdges finds them. */
function markRowEdges(row: HTMLElement): void {
  const children = Array.from(row.children) as HTMLElement[]
  const boxes = children.map((el) => {
    const r = el.getBoundingClientRect()
    return r.width === 0 && r.height === 0 ? null : { left: r.left, right: r.right }
  })
  rowEdges(boxes).forEach((edge, i) => {
    children[i].toggleAttribute('data-row-start', edge?.start ?? false)
    children[i].toggleAttribute('data-row-end', edge?.end ?? false)
  })
}

/**
 * Keeps the children of a wrapping row (a toolbar of groups with separators between them) marked with
 * where each visual row begins and ends, so that CSS can hide a separator that would dangle at a row's
 * end: after every render (a language's longer labels) and whenever the row or an item changes size
 * (the window, fonts loading). Only attributes change, never a size, so marking cannot re-wrap the row.
 */
export function useRowEdges(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    if (ref.current) markRowEdges(ref.current)
  })
  useLayoutEffect(() => {
    const row = ref.current
    if (!row || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => markRowEdges(row))
    observer.observe(row)
    for (const child of Array.from(row.children)) observer.observe(child)
    return () => observer.disconnect()
  }, [ref])
}
