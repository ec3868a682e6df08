/**
 * Brings something just added to the map into view and puts the keyboard on it: a new stage,
 * step or lane gets the cursor in its name, a new card is scrolled clear of the card panel that
 * opens beside it. The element appears once React has drawn the edit, so this looks for it on the
 * next animation frames (a few at most) rather than at once.
 */
export interface RevealTarget {
  /** The element to scroll into view. */
  selector: string
  /** Inside it, the element to focus (its text selected); none leaves the focus where it is. */
  focus?: string
}

const MAX_FRAMES = 10

export function reveal(target: RevealTarget, root: ParentNode = document): void {
  let frames = 0
  const attempt = () => {
    const el = root.querySelector<HTMLElement>(target.selector)
    if (!el) {
      if (++frames < MAX_FRAMES) requestAnimationFrame(attempt)
      return
    }
    // Scroll margins in journey.css keep it clear of the sticky stage and lane headers.
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    if (!target.focus) return
    const field = el.querySelector<HTMLElement>(target.focus)
    if (!field) return
    field.focus({ preventScroll: true })
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.select()
  }
  requestAnimationFrame(attempt)
}

const attr = (name: string, id: string) => `[${name}="${CSS.escape(id)}"]`
export const stageHeadSelector = (id: string) => `.jm-stage${attr('data-stage-head', id)}`
export const stepHeadSelector = (id: string) => `.jm-step${attr('data-step-head', id)}`
export const laneHeadSelector = (id: string) => `.jm-lane-head${attr('data-lane-head', id)}`
export const cardSelector = (id: string) => `.jm-viewport .jm-card${attr('data-card-id', id)}`
