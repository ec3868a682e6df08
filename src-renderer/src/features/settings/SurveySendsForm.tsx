import { useState } from 'react'
import type { QuestionDefinition, SurveySend } from '../../../../src-shared/api/metrics'
import { periodEnd, periodStart } from '../../../../src-shared/domain/periods'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Notice } from '../../components/Notice'
import { Loading } from '../../components/Loading'
import { DateField } from '../../components/DateField'

type Draft = { from: string; to: string; questionId: string; channel: string; touchpoint: string; sent: string }

/** Surveys sent per period and channel (and touchpoint), the other half of the response rate; deleting can be undone. */
export function SurveySendsForm({ questions, today }: { questions: QuestionDefinition[]; today: string }) {
  const { t, fmt } = useI18n()
  const sends = useApiQuery('metrics.sends', {})
  const facets = useApiQuery('metrics.facets', {})
  const save = useApiMutation('metrics.saveSend')
  const remove = useApiMutation('metrics.deleteSend')
  const month = today.slice(0, 7)
  const empty: Draft = { from: periodStart(month, 'month'), to: periodEnd(month, 'month'), questionId: String(questions[0]?.id ?? ''), channel: '', touchpoint: '', sent: '' }
  const [draft, setDraft] = useState<Draft>(empty)
  const [removed, setRemoved] = useState<SurveySend | null>(null)
  const questionLabel = (id: number | null) => (id === null ? t('sends.anySurvey') : (questions.find((q) => q.id === id)?.label ?? `#${id}`))
  const restore = (s: SurveySend) => save.mutate({ from: s.from, to: s.to, questionId: s.questionId, channel: s.channel, touchpoint: s.touchpoint, sent: s.sent }, { onSuccess: () => setRemoved(null) })
  return (
    <div className="sends">
      {sends.isPending && <Loading label={t('common.loading')} />}
      {sends.error && <ErrorNotice error={sends.error} />}
      {sends.data && sends.data.sends.length === 0 && <p className="muted">{t('sends.none')}</p>}
      {sends.data && sends.data.sends.length > 0 && (
        <table className="sends-table" data-testid="sends">
          <thead>
            <tr>
              <th scope="col">{t('sends.days')}</th>
              <th scope="col">{t('sends.survey')}</th>
              <th scope="col">{t('dim.channel')}</th>
              <th scope="col">{t('dim.touchpoint')}</th>
              <th scope="col">{t('rate.sent')}</th>
              <th scope="col">{t('rate.responses')}</th>
              <th scope="col">{t('metricName.responseRate')}</th>
              <th scope="col">
                <span className="sr-only">{t('sends.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sends.data.sends.map((s) => (
              <tr key={s.id}>
                <th scope="row">{t('range.fromTo', { from: fmt.day(s.from), to: fmt.day(s.to) })}</th>
                <td>{questionLabel(s.questionId)}</td>
                <td>{s.channel ?? t('sends.all')}</td>
                <td>{s.touchpoint ?? t('sends.all')}</td>
                <td>{fmt.integer(s.sent)}</td>
                <td>{fmt.integer(s.responses)}</td>
                <td>{s.rate === null ? t('common.notAvailable') : fmt.percentValue(s.rate)}</td>
                <td>
                  <Button variant="ghost" className="btn-danger" onClick={() => remove.mutate({ id: s.id }, { onSuccess: () => setRemoved(s) })} aria-label={t('sends.deleteOf', { days: t('range.fromTo', { from: fmt.day(s.from), to: fmt.day(s.to) }) })}>
                    {t('sends.delete')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {removed && (
        <Notice tone="info" onDismiss={() => setRemoved(null)} dismissLabel={t('common.dismiss')}>
          {t('sends.deleted')}{' '}
          <Button variant="ghost" onClick={() => restore(removed)}>
            {t('sends.undo')}
          </Button>
        </Notice>
      )}
      <form
        className="form sends-form"
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate(
            { from: draft.from, to: draft.to, questionId: draft.questionId ? Number(draft.questionId) : null, channel: draft.channel.trim() || null, touchpoint: draft.touchpoint.trim() || null, sent: Number(draft.sent) },
            { onSuccess: () => setDraft({ ...draft, sent: '' }) },
          )
        }}
      >
        <h3>{t('sends.add')}</h3>
        <div className="controls-row">
          <label className="control">
            <span>{t('controls.from')}</span>
            <DateField required value={draft.from} max={draft.to} onChange={(from) => setDraft({ ...draft, from })} />
          </label>
          <label className="control">
            <span>{t('controls.to')}</span>
            <DateField required value={draft.to} min={draft.from} onChange={(to) => setDraft({ ...draft, to })} />
          </label>
          <label className="control">
            <span>{t('sends.survey')}</span>
            <select required value={draft.questionId} onChange={(e) => setDraft({ ...draft, questionId: e.target.value })}>
              {questions.map((q) => (
                <option key={q.id} value={q.id}>{`${t(`metricName.${q.metric}`)} · ${q.label}`}</option>
              ))}
            </select>
          </label>
          <label className="control">
            <span>{t('dim.channel')}</span>
            <input list="sends-channels" value={draft.channel} maxLength={200} placeholder={t('sends.all')} onChange={(e) => setDraft({ ...draft, channel: e.target.value })} />
          </label>
          <label className="control">
            <span>{t('dim.touchpoint')}</span>
            <input list="sends-touchpoints" value={draft.touchpoint} maxLength={200} placeholder={t('sends.all')} onChange={(e) => setDraft({ ...draft, touchpoint: e.target.value })} />
          </label>
          <label className="control">
            <span>{t('rate.sent')}</span>
            <input type="number" required min={1} step={1} value={draft.sent} onChange={(e) => setDraft({ ...draft, sent: e.target.value })} />
          </label>
        </div>
        <datalist id="sends-channels">
          {(facets.data?.values.channel ?? []).map((v) => (
            <option key={v.value} value={v.value} />
          ))}
        </datalist>
        <datalist id="sends-touchpoints">
          {(facets.data?.values.touchpoint ?? []).map((v) => (
            <option key={v.value} value={v.value} />
          ))}
        </datalist>
        {(save.error || remove.error) && <ErrorNotice error={save.error ?? remove.error} onDismiss={() => (save.reset(), remove.reset())} />}
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={save.isPending || !draft.sent}>
            {t('sends.save')}
          </Button>
        </div>
      </form>
    </div>
  )
}
