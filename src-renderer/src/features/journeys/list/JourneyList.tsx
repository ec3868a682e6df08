import { useState } from 'react'
import type { JourneySummary } from '../../../../../src-shared/api/journeys'
import type { WorkspaceInfo } from '../../../../../src-shared/api/workspace'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { hrefFor, navigate } from '../../../platform/router'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Loading } from '../../../components/Loading'
import { Modal } from '../../../components/Modal'
import { MapThumbnail } from './MapThumbnail'
import { NewJourneyForm } from './NewJourneyForm'
import { PersonaLibrary } from './PersonaLibrary'

const open = (id: string) => navigate('journeys', new URLSearchParams({ map: id }))

/** The workspace's journey maps, each as-is map with its to-be version beside it. */
export function JourneyList({ workspace }: { workspace: WorkspaceInfo }) {
  const { t, fmt } = useI18n()
  // Read again whenever the page shows: the editor saves without going through the query cache.
  const list = useApiQuery('journeys.list', {}, { refetchOnMount: 'always' })
  const create = useApiMutation('journeys.create')
  const duplicate = useApiMutation('journeys.duplicate')
  const remove = useApiMutation('journeys.delete')
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<JourneySummary | null>(null)
  const maps = list.data?.maps ?? []
  const byId = new Map(maps.map((m) => [m.id, m]))
  const roots = maps.filter((m) => m.kind === 'as_is' || !m.baseId || !byId.has(m.baseId))

  return (
    <div className="jm-page jm-list">
      <header className="jm-list-head">
        <h2>{t('journey.list.title')}</h2>
        <p className="muted">{t('journey.list.subtitle')}</p>
        <Button variant="primary" onClick={() => setCreating(true)}>
          + {t('journey.list.new')}
        </Button>
      </header>
      {list.isPending && <Loading label={t('common.loading')} />}
      {list.error && <ErrorNotice error={list.error} />}
      {[create.error, duplicate.error, remove.error].map((e, i) => e && <ErrorNotice key={i} error={e} />)}
      {list.data && maps.length === 0 && (
        <div className="empty" data-testid="journeys-empty">
          <p>{t('journey.list.empty')}</p>
          <p className="empty-actions">
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t('journey.list.new')}
            </Button>
          </p>
        </div>
      )}
      <ul className="jm-maps">
        {roots.map((m) => {
          const versions = maps.filter((v) => v.baseId === m.id && v.kind === 'to_be')
          return (
            <li key={m.id} className="card jm-map-card">
              {[m, ...versions].map((v) => (
                <div key={v.id} className="jm-map-row">
                  <div className="jm-thumb-link">
                    <MapThumbnail outline={v.outline} label={t('journey.list.thumbnail', { name: v.name, stages: t.plural('journey.list.stages', v.stageCount), cards: t.plural('journey.list.cards', v.cardCount) })} />
                  </div>
                  <div className="jm-map-main">
                    <a href={hrefFor('journeys', new URLSearchParams({ map: v.id }))} className="jm-map-name">
                      {v.name}
                    </a>
                    <span className={`badge jm-kind-${v.kind}`}>{t(`journey.kind.${v.kind}`)}</span>
                    <div className="muted jm-map-meta">
                      {[v.personaName && t('journey.list.persona', { name: v.personaName }), t('journey.list.counts', { stages: t.plural('journey.list.stages', v.stageCount), cards: t.plural('journey.list.cards', v.cardCount) }), t('journey.list.updated', { when: fmt.dateTime(v.updatedAt, workspace.timezone) })]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                    {v.scenario && <p className="jm-map-scenario">{v.scenario}</p>}
                  </div>
                  <div className="jm-map-actions">
                    {v.kind === 'as_is' && versions.length === 0 && (
                      <Button onClick={async () => open((await duplicate.mutateAsync({ id: v.id, name: t('journey.version.toBeName', { name: v.name }), asToBe: true })).id)}>
                        {t('journey.version.createToBe')}
                      </Button>
                    )}
                    <Button onClick={async () => open((await duplicate.mutateAsync({ id: v.id, name: t('journey.list.copyName', { name: v.name }) })).id)}>{t('journey.list.duplicate')}</Button>
                    <Button variant="danger" onClick={() => setDeleting(v)}>
                      {t('journey.list.delete')}
                    </Button>
                  </div>
                </div>
              ))}
            </li>
          )
        })}
      </ul>
      <PersonaLibrary />
      <Modal title={t('journey.list.new')} open={creating} onClose={() => setCreating(false)}>
        <NewJourneyForm
          busy={create.isPending}
          onCancel={() => setCreating(false)}
          onCreate={async (req) => {
            const made = await create.mutateAsync(req)
            setCreating(false)
            open(made.id)
          }}
        />
      </Modal>
      <Modal title={t('journey.list.deleteTitle')} open={deleting !== null} onClose={() => setDeleting(null)}>
        <p>{t('journey.list.deleteConfirm', { name: deleting?.name ?? '' })}</p>
        <div className="form-actions">
          <Button onClick={() => setDeleting(null)}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            onClick={async () => {
              if (deleting) await remove.mutateAsync({ id: deleting.id })
              setDeleting(null)
            }}
          >
            {t('journey.list.delete')}
          </Button>
        </div>
      </Modal>
    </div>
  )
}
