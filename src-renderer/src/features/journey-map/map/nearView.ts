import { createContext, useContext, useEffect, useState, type RefObject } from 'react'

/**
 * Which cells of an editable map are in or near the visible part of the map's scrolling area.
 *
 * Only those cells are drop targets. dnd-kit measures every enabled drop target when a drag starts
 * (a bounding rectangle and a walk up its ancestors' computed styles for each), which on a
 * 20 × 12 map took most of a frame of 100 ms or more. A pointer can only reach a cell it can see,
 * and an arrow key moves a card one cell at a time while the map scrolls along, so the cells in
 * view plus a margin of half a view across and a whole view down (lanes can be tall) are all a drag
 * can use; more come in as the map scrolls (IntersectionObserver, off the main thread's hot path).
 */
export interface NearView {
  /** Calls `listener` with whether `el` is near the view now and whenever that changes; returns the way to stop. */
  observe(el: Element, listener: (near: boolean) => void): () => void
  dispose(): void
}

const MARGIN = '100% 50%'

/** `root` gives the map's scrolling element (it exists by the time the cells are observed). */
export function createNearView(root: () => Element | null): NearView {
  const listeners = new Map<Element, (near: boolean) => void>()
  let observer: IntersectionObserver | null = null
  return {
    observe(el, listener) {
      observer ??= new IntersectionObserver((entries) => entries.forEach((e) => listeners.get(e.target)?.(e.isIntersecting)), { root: root(), rootMargin: MARGIN })
      listeners.set(el, listener)
      observer.observe(el)
      return () => {
        listeners.delete(el)
        observer?.unobserve(el)
      }
    },
    dispose() {
      observer?.disconnect()
      observer = null
      listeners.clear()
    },
  }
}

/**
 * dnd-kit gives every drop target a ResizeObserver for the length of each drag, to re-measure it
 * when it changes size. Nothing on the map changes size during a drag (the dragged card stays in its
 * place, drawn faded, and moves as a DragOverlay), so the map's cells and header slots need none
 * (a drop target's observer only re-measured that target, never the ones it pushed aside).
 */
export const NO_RESIZE_OBSERVER = { disabled: true }

/** Null outside an editable map: a presented or printed map has no drop targets. */
export const NearViewContext = createContext<NearView | null>(null)

/** Whether the element in `ref` (set once, at mount) is near the view; false until it has been observed. */
export function useNearView(ref: RefObject<Element | null>): boolean {
  const nearView = useContext(NearViewContext)
  const [near, setNear] = useState(false)
  useEffect(() => {
    const el = ref.current
    return nearView && el ? nearView.observe(el, setNear) : undefined
  }, [nearView, ref])
  return near
}
