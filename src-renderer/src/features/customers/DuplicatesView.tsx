import { useState } from 'react'
import type { DuplicateGroup } from '../../../../src-shared/api/customers'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { Notice } from '../../components/Notice'
import { usePersonalData } from '../../components/PersonalData'

/** Likely duplicates: same e-mail or phone (merge offered), same name (shown only). A merge can be undone from its notice. */
export function DuplicatesView({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useI18n()
  const groups = useApiQuery('customers.duplicates', { limit: 100 })
  const merge = useApiMutation('customers.merge')
  const undo = useApiMutation('customers.undoMerge')
  const [done, setDone] = useState<{ merge: number; moved: number; name: string } | null>(null)
  const [undone, setUndone] = useState(false)
  if (groups.isPending) return <Loading label={t('customers.loading')} />
  if (groups.error) return <ErrorNotice error={groups.error} />
  return (
    <div className="duplicates" data-testid="duplicates">
      <p className="muted">{t('customers.dup.explain')}</p>
      {done && (
        <Notice tone="success" onDismiss={() => setDone(null)} dismissLabel={t('customers.close')}>
          {t.plural('customers.dup.merged', done.moved, { name: done.name })}{' '}
          <Button
            onClick={() =>
              void undo
                .mutateAsync({ merge: done.merge })
                .then(() => (setDone(null), setUndone(true)))
                .catch(() => undefined)
            }
            disabled={undo.isPending}
          >
            {t('customers.dup.undo')}
          </Button>
        </Notice>
      )}
      {undone && !done && (
        <Notice tone="info" onDismiss={() => setUndone(false)} dismissLabel={t('customers.close')}>
          {t('customers.dup.undone')}
        </Notice>
      )}
      {merge.error && <ErrorNotice error={merge.error} />}
      {undo.error && <ErrorNotice error={undo.error} />}
      {groups.data.length === 0 ? (
        <p className="empty">{t('customers.dup.empty')}</p>
      ) : (
        groups.data.map((g) => (
          <Group
            key={`${g.reason}:${g.value}`}
            g={g}
            onOpen={onOpen}
            busy={merge.isPending}
            onMerge={async (keep, others) => {
              let moved = 0
              let last = 0
              for (const o of others) {
                const r = await merge.mutateAsync({ keepId: keep.id, mergeId: o }).catch(() => null)
                if (!r) return
                moved += r.movedResponses
                last = r.merge
              }
              setUndone(false)
              setDone({ merge: last, moved, name: keep.name ?? `#${keep.id}` })
            }}
          />
        ))
      )}
    </div>
  )
}

function Group({ g, onOpen, onMerge, busy }: { g: DuplicateGroup; onOpen(id: number): void; onMerge(keep: DuplicateGroup['customers'][number], others: number[]): Promise<void>; busy: boolean }) {
  const { t } = useI18n()
  const pd = usePersonalData()
  // The one with the most history is kept by default.
  const [keep, setKeep] = useState(() => [...g.customers].sort((a, b) => b.responses - a.responses || a.id - b.id)[0].id)
  const kept = g.customers.find((c) => c.id === keep) ?? g.customers[0]
  const mergeable = g.reason !== 'name'
  return (
    <fieldset className={`dup-group dup-${g.reason}`} data-testid="dup-group">
      <legend>{t(`customers.dup.reason.${g.reason}` as MessageKey, { value: (g.reason === 'email' ? pd.email(g.value) : g.reason === 'phone' ? pd.phone(g.value) : pd.name(g.value)) ?? g.value })}</legend>
      <ul>
        {g.customers.map((c) => (
          <li key={c.id}>
            {mergeable && (
              <label className="dup-keep">
                <input type="radio" name={`keep-${g.reason}-${g.value}`} checked={c.id === keep} onChange={() => setKeep(c.id)} /> {t('customers.dup.keep')}
              </label>
            )}{' '}
            <button type="button" className="link-button" onClick={() => onOpen(c.id)}>
              {pd.name(c.name) ?? `#${c.id}`}
            </button>{' '}
            <span className="muted">
              {[pd.email(c.email), pd.phone(c.phone)].filter(Boolean).join(' · ')} · {t.plural('customers.responses', c.responses)}
            </span>
          </li>
        ))}
      </ul>
      {mergeable && (
        <Button variant="primary" disabled={busy} onClick={() => void onMerge(kept, g.customers.filter((c) => c.id !== kept.id).map((c) => c.id))}>
          {t('customers.dup.merge')}
        </Button>
      )}
    </fieldset>
  )
}
