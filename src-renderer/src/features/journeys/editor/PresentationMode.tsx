import { useEffect, useRef, useState } from 'react'
import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { JourneyMapView } from '../map/JourneyMapView'
import type { MapDisplay } from '../map/mapContext'
import { PersonaAvatar } from './PersonaPanel'

/**
 * Full screen, stage by stage, for workshops: arrow keys, Page Up / Page Down or the buttons move
 * between stages; Escape leaves. The first slide is the whole map.
 */
export function PresentationMode({ doc, display, onExit }: { doc: JourneyDoc; display: MapDisplay; onExit: () => void }) {
  const { t } = useI18n()
  const ref = useRef<HTMLDivElement>(null)
  const [slide, setSlide] = useState(0)
  const count = doc.stages.length + 1
  const stage = slide > 0 ? doc.stages[slide - 1] : null

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
      <div className={stage ? 'jm-present-body jm-present-stage' : 'jm-present-body'}>
        <JourneyMapView doc={doc} display={display} stageFilter={stage?.id ?? null} label={doc.map.name} />
      </div>
    </div>
  )
}
