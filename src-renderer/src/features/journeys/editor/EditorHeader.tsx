import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { useI18n } from '../../../i18n/I18nProvider'
import { hrefFor } from '../../../platform/router'
import { NameInput } from '../map/Headers'
import type { MapEditing } from '../map/mapContext'
import type { EditorSnapshot, JourneyEditorStore } from './editorStore'
import { SaveStatusBadge } from './SaveStatusBadge'
import { VersionLinks } from './VersionLinks'

interface Props {
  doc: JourneyDoc
  snapshot: EditorSnapshot
  store: JourneyEditorStore
  dispatch: MapEditing['dispatch']
  reload: () => void
  otherId: string | null
  listLoaded: boolean
  compare: boolean
}

/** The way back to the list, the map's name, kind and versions, whether it is saved, and its scenario. */
export function EditorHeader({ doc, snapshot, store, dispatch, reload, otherId, listLoaded, compare }: Props) {
  const { t } = useI18n()
  return (
    <>
      <div className="jm-head">
        <a className="jm-back" href={hrefFor('journeys')}>
          ‹ {t('journey.backToList')}
        </a>
        <NameInput className="jm-title" value={doc.map.name} label={t('journey.map.name')} onSave={(name) => name.trim() && dispatch({ type: 'updateMap', patch: { name } })} />
        <span className={`badge jm-kind-${doc.map.kind}`}>{t(`journey.kind.${doc.map.kind}`)}</span>
        <VersionLinks map={doc.map} store={store} otherId={otherId} listLoaded={listLoaded} compare={compare} />
        <SaveStatusBadge snapshot={snapshot} onRetry={() => void store.flush()} onReload={reload} />
      </div>
      <label className="jm-scenario">
        <span className="sr-only">{t('journey.map.scenario')}</span>
        <NameInput value={doc.map.scenario} label={t('journey.map.scenario')} placeholder={t('journey.map.scenarioPlaceholder')} onSave={(scenario) => dispatch({ type: 'updateMap', patch: { scenario } })} />
      </label>
    </>
  )
}
