import { useState } from 'react'
import type { ImportRecord, RereadResult } from '../../../../src-shared/api/imports'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Modal } from '../../components/Modal'
import { Notice } from '../../components/Notice'
import { ZoneSelect } from '../../components/ZoneSelect'

/** The imports made into this workspace, each with the zone its times without one were read in, and "Re-read in another zone…". */
export function ImportHistory({ timezone }: { timezone: string }) {
  const { t, fmt } = useI18n()
  const list = useApiQuery('import.list', {})
  const reread = useApiMutation('import.reread')
  const [choosing, setChoosing] = useState<ImportRecord | null>(null)
  const [zone, setZone] = useState(timezone)
  // After an undo the notice says so and offers no second Undo (that would only redo the re-read).
  const [done, setDone] = useState<(RereadResult & { fileName: string; undone: boolean }) | null>(null)
  const run = (importId: number, fileName: string, to: string, undone = false) =>
    reread.mutate({ importId, timezone: to }, { onSuccess: (r) => (setDone({ ...r, fileName, undone }), setChoosing(null)) })
  const imports = list.data?.imports ?? []
  return (
    <Card title={t('import.history')}>
      {done && (
        <Notice tone="success" onDismiss={() => setDone(null)} dismissLabel={t('common.dismiss')}>
          {done.undone ? (
            t('import.rereadUndone', { file: done.fileName, zone: done.timezone })
          ) : (
            <>
              {t.plural('import.rereadDone', done.moved, { file: done.fileName, zone: done.timezone })}{' '}
              <Button onClick={() => run(done.importId, done.fileName, done.previousZone, true)} disabled={reread.isPending}>
                {t('import.undo')}
              </Button>
            </>
          )}
        </Notice>
      )}
      {reread.error && !choosing && <ErrorNotice error={reread.error} onDismiss={() => reread.reset()} />}
      {imports.length === 0 ? (
        <p className="muted">{t('import.historyEmpty')}</p>
      ) : (
        <table className="import-history" data-testid="import-history">
          <thead>
            <tr>
              <th>{t('import.historyFile')}</th>
              <th>{t('import.historyDate')}</th>
              <th>{t('import.historyRows')}</th>
              <th>{t('import.historyZone')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {imports.map((i) => (
              <tr key={i.id}>
                <td>{i.fileName}</td>
                <td>{i.importedAt === null ? '—' : fmt.dateTime(i.importedAt, timezone)}</td>
                <td>{t('import.historyRowsValue', { added: fmt.integer(i.imported), read: fmt.integer(i.rowsRead) })}</td>
                <td>{i.timezone ?? <span title={t('import.zoneNotRecordedHint')}>{t('import.zoneNotRecorded')}</span>}</td>
                <td>
                  {i.timezone !== null && (
                    <Button
                      onClick={() => {
                        setZone(i.timezone ?? timezone)
                        setChoosing(i)
                      }}
                    >
                      {t('import.reread')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {imports.some((i) => i.timezone === null) && <p className="muted small">{t('import.zoneNotRecordedHint')}</p>}
      <Modal title={choosing ? t('import.rereadTitle', { file: choosing.fileName }) : ''} open={choosing !== null} onClose={() => setChoosing(null)}>
        {choosing && (
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault()
              run(choosing.id, choosing.fileName, zone)
            }}
          >
            <p>
              {choosing.readInZone > 0
                ? t.plural('import.rereadExplain', choosing.readInZone, { zone: choosing.timezone ?? '' })
                : t('import.rereadNone')}
            </p>
            <div className="field">
              <span>{t('zone.label')}</span>
              <ZoneSelect value={zone} onChange={setZone} label={t('zone.label')} testId="reread-zone" />
            </div>
            {reread.error && <ErrorNotice error={reread.error} onDismiss={() => reread.reset()} />}
            <div className="form-actions">
              <Button onClick={() => setChoosing(null)}>{t('common.cancel')}</Button>
              <Button type="submit" variant="primary" disabled={reread.isPending || zone === choosing.timezone || choosing.readInZone === 0}>
                {t('import.rereadConfirm')}
              </Button>
            </div>
          </form>
        )}
      </Modal>
    </Card>
  )
}
