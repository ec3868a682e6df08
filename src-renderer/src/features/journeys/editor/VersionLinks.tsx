import type { MapInfo } from '../../../../../src-shared/domain/journeys/model'
import { useApi } from '../../../api/hooks'
import { Button } from '../../../components/Button'
import { useI18n } from '../../../i18n/I18nProvider'
import { hrefFor, navigate } from '../../../platform/router'
import type { JourneyEditorStore } from './editorStore'

const mapHref = (mapId: string, params: Record<string, string> = {}) => hrefFor('journeys', new URLSearchParams({ map: mapId, ...params }))

/** Links between a map's as-is and to-be versions, the side-by-side switch, and Create to-be version where there is none yet. */
export function VersionLinks({ map, store, otherId, listLoaded, compare }: { map: MapInfo; store: JourneyEditorStore; otherId: string | null; listLoaded: boolean; compare: boolean }) {
  const { t } = useI18n()
  const api = useApi()
  const createToBe = async () => {
    const made = await api.call('journeys.duplicate', { id: map.id, name: t('journey.version.toBeName', { name: map.name }), asToBe: true })
    await store.settled()
    navigate('journeys', new URLSearchParams({ map: made.id }))
  }
  return (
    <nav className="jm-versions" aria-label={t('journey.version.label')}>
      {map.kind === 'to_be' && map.baseId && <a href={mapHref(map.baseId)}>{t('journey.version.openAsIs')}</a>}
      {map.kind === 'as_is' && otherId && <a href={mapHref(otherId)}>{t('journey.version.openToBe')}</a>}
      {otherId && <a href={mapHref(map.id, compare ? {} : { compare: '1' })}>{compare ? t('journey.version.hideCompare') : t('journey.version.compare')}</a>}
      {map.kind === 'as_is' && !otherId && listLoaded && <Button onClick={() => void createToBe()}>{t('journey.version.createToBe')}</Button>}
    </nav>
  )
}
