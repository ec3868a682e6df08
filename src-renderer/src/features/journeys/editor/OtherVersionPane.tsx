import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { useI18n } from '../../../i18n/I18nProvider'
import { compareDocs } from '../compare/compareDocs'
import { JourneyMapView } from '../map/JourneyMapView'
import { MapEditingContext, type MapDisplay } from '../map/mapContext'

/** The other version beside the map, read-only and at most at 75 %, its differences marked against this one. */
export function OtherVersionPane({ doc, otherDoc, display, zoom }: { doc: JourneyDoc; otherDoc: JourneyDoc; display: MapDisplay; zoom: number }) {
  const { t } = useI18n()
  return (
    <section className="jm-other" aria-label={t('journey.version.other', { name: otherDoc.map.name })}>
      <h2>
        {otherDoc.map.name} <span className={`badge jm-kind-${otherDoc.map.kind}`}>{t(`journey.kind.${otherDoc.map.kind}`)}</span>
      </h2>
      <div className="jm-viewport">
        <div className="jm-zoom" style={{ zoom: Math.min(zoom, 0.75) }}>
          <MapEditingContext.Provider value={null}>
            <JourneyMapView doc={otherDoc} display={{ ...display, compare: compareDocs(otherDoc, doc), otherEmotions: doc.emotions }} label={t('journey.map.label', { name: otherDoc.map.name })} />
          </MapEditingContext.Provider>
        </div>
      </div>
    </section>
  )
}
