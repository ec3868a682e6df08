import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { COLUMN_WIDTH, JourneyMapView, LANE_HEADER_WIDTH } from '../map/JourneyMapView'
import type { MapDisplay } from '../map/mapContext'
import { PersonaAvatar } from '../map/PersonaSummary'

/**
 * Full screen, stage by stage, for workshops: arrow keys, Page Up / Page Down or the buttons move
 * between stages; Escape leaves. The first slide is the whole map.
 */
export function PresentationMode({ doc, display, onExit }: { doc: JourneyDoc; display: MapDisplay; onExit: () => void }) {
  const { t } = useI18n()
  const ref = useRef<HTMLDivElement>(null)
  const body = useRef<HTMLDivElement>(null)
  const fit = useRef<HTMLDivElement>(null)
  const [slide, setSlide] = useState(0)
  const count = doc.stages.length + 1
  const stage = slide > 0 ? doc.stages[slide - 1] : null
  const steps = stage ? doc.steps.filter((s) => s.stageId === stage.id).length : 0
  const { zoom, columnWidth } = useFitZoom(body, fit, slide, steps)

  useEffect(() => {
    const el = ref.current
    el?.focus()
    // Full screen where the browser allows it; the overlay covers the window either way.
    if (el && document.fullscreenEnabled) void el.requestFullscreen().catch(() => undefined)
    const onFullscreen = () => {
      if (!document.fullscreenElement && el?.isConnected && document.fullscreenEnabled) onExit()
    }
    document.addEventListener('fullscreenchange', onFullscreen)
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreen)
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined)
    }
  }, [onExit])

  const go = (d: number) => setSlide((s) => Math.max(0, Math.min(count - 1, s + d)))
  return (
    <div
      ref={ref}
      className="jm-present"
      role="dialog"
      aria-modal="true"
      aria-label={t('journey.present.title', { name: doc.map.name })}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (['ArrowRight', 'PageDown', ' '].includes(e.key)) go(1)
        else if (['ArrowLeft', 'PageUp'].includes(e.key)) go(-1)
        else if (e.key === 'Home') setSlide(0)
        else if (e.key === 'End') setSlide(count - 1)
        else if (e.key === 'Escape') onExit()
        else return
        e.preventDefault()
      }}
    >
      <header className="jm-present-head">
        {doc.persona && <PersonaAvatar persona={doc.persona} />}
        <div>
          <h2>{stage ? stage.name : doc.map.name}</h2>
          <p className="muted">{stage ? doc.map.name : doc.map.scenario}</p>
        </div>
        <span className="jm-present-count" aria-live="polite">
          {t('journey.present.position', { n: slide + 1, count })}
        </span>
        <Button onClick={() => go(-1)} disabled={slide === 0}>
          ‹ {t('journey.present.previous')}
        </Button>
        <Button onClick={() => go(1)} disabled={slide === count - 1}>
          {t('journey.present.next')} ›
        </Button>
        <Button variant="primary" onClick={onExit}>
          {t('journey.present.exit')}
        </Button>
      </header>
      <div ref={body} className={stage ? 'jm-present-body jm-present-stage' : 'jm-present-body'}>
        <div ref={fit} className="jm-present-fit" style={{ zoom }} data-testid="present-slide">
          <JourneyMapView doc={doc} display={display} stageFilter={stage?.id ?? null} label={doc.map.name} columnWidth={columnWidth} />
        </div>
      </div>
    </div>
  )
}

/**
 * A stage slide's columns may widen up to this many times the map's own: enough for one step to fill
 * a 1920-pixel screen (a map's height hardly shrinks as its cards widen — its lanes keep their rows —
 * so a single step must be this wide for the slide to take the screen's shape).
 */
const MAX_COLUMN_WIDEN = 10

/**
 * The zoom at which the slide fills the space under the header without being cut off: the whole
 * map on the first slide, one stage on the others, as large as both the width and the height allow
 * (a slide is a screen, not a page to scroll). A stage of few steps is tall and narrow at the map's
 * column width, so its slide would fill the height and a sliver of the width: its columns widen
 * until the slide's shape matches the screen's (cards grow wider, and no taller), up to
 * MAX_COLUMN_WIDEN times. Measured again when the window or the slide changes.
 */
function useFitZoom(body: RefObject<HTMLDivElement | null>, content: RefObject<HTMLDivElement | null>, slide: number, steps: number): { zoom: number; columnWidth: number } {
  const [fit, setFit] = useState({ zoom: 1, columnWidth: COLUMN_WIDTH })
  const current = useRef({ zoom: 1, columnWidth: COLUMN_WIDTH })
  useLayoutEffect(() => {
    const box = body.current
    const inner = content.current
    if (!box || !inner) return
    // Widening converges in a few steps (a wider card is never taller); a bounded number per slide or size.
    let widenings = 0
    const measure = () => {
      const style = getComputedStyle(box)
      const width = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      const height = box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
      const rect = inner.getBoundingClientRect()
      // The box is drawn at the current zoom; its own size is that divided by the zoom.
      const naturalWidth = rect.width / current.current.zoom
      const naturalHeight = rect.height / current.current.zoom
      if (naturalWidth <= 0 || naturalHeight <= 0 || width <= 0 || height <= 0) return
      let columnWidth = current.current.columnWidth
      if (steps > 0 && widenings < 6) {
        // The column width at which the slide would have the screen's shape at its present height.
        const wanted = ((width / height) * naturalHeight - LANE_HEADER_WIDTH) / steps
        const next = Math.round(Math.max(COLUMN_WIDTH, Math.min(COLUMN_WIDTH * MAX_COLUMN_WIDEN, wanted)))
        if (Math.abs(next - columnWidth) > 8) {
          widenings++
          columnWidth = next
          current.current = { ...current.current, columnWidth }
          setFit({ ...current.current })
          // Measured again once the wider columns are laid out (the observer sees the size change).
          return
        }
      }
      // Rounded down a little so that rounding in the layout never brings back a scroll bar.
      const zoom = Math.floor(Math.min(width / naturalWidth, height / naturalHeight) * 1000) / 1000
      if (Math.abs(zoom - current.current.zoom) > 0.002) {
        current.current = { zoom, columnWidth }
        setFit({ zoom, columnWidth })
      }
    }
    if (steps === 0 && current.current.columnWidth !== COLUMN_WIDTH) {
      current.current = { ...current.current, columnWidth: COLUMN_WIDTH }
      setFit({ ...current.current })
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(box)
    observer.observe(inner)
    return () => observer.disconnect()
  }, [body, content, slide, steps])
  return fit
}
