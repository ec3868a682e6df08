import { useEffect, useState } from 'react'
import type { RiskEvaluation, RiskRules } from '../../../../src-shared/api/customers'
import { customerLabel } from '../../../../src-shared/domain/customers'
import { usePersonalData } from '../../components/PersonalData'
import type { MessageKey } from '../../../../src-shared/i18n/en'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ErrorNotice } from '../../components/ErrorNotice'
import { RiskErrorNotice } from './RiskErrorNotice'
import { Loading } from '../../components/Loading'
import { Notice } from '../../components/Notice'
import { useReasonText } from './useReasonText'

const DEFAULT_RULES: RiskRules = { lastPoor: 3, lastNeutral: 1, falling: 2, fallShare: 0.3, openFollowUp: 2, openDays: 2, silence: 1, silenceDays: 180, highFrom: 4, mediumFrom: 2 }

/** Active customers ranked by risk with their reasons, beside how well the ranking did on held-out customers, and the rules to tune. */
export function AtRiskView({ timezone, onOpen }: { timezone: string; onOpen(id: number): void }) {
  const { t, fmt } = useI18n()
  const pd = usePersonalData()
  const reasonText = useReasonText(timezone)
  const list = useApiQuery('customers.atRisk', { limit: 200 })
  if (list.isPending) return <Loading label={t('customers.loading')} />
  if (list.error) return <RiskErrorNotice error={list.error} />
  const { items, evaluation, rules } = list.data
  return (
    <div className="at-risk" data-testid="at-risk">
      <div className="at-risk-main">
        <p className="muted">{t('customers.atRisk.explain')}</p>
        {items.length === 0 ? (
          <p className="empty">{t('customers.atRisk.empty')}</p>
        ) : (
          <ol className="at-risk-list">
            {items.map((i) => (
              <li key={i.customer.id} data-testid="at-risk-item">
                <button type="button" className="link-button" onClick={() => onOpen(i.customer.id)}>
                  <strong>{customerLabel(pd.customer(i.customer)) ?? t('customers.unnamed')}</strong>
                </button>{' '}
                <span className={`risk-badge risk-${i.customer.risk}`}>{t(`customers.risk.${i.customer.risk}` as MessageKey)}</span>{' '}
                <span className="muted">{t.plural('customers.atRisk.points', i.points)}</span>
                {i.probability !== null && evaluation.rankedBy === 'model' && <span className="muted"> · {t('customers.atRisk.probability', { p: fmt.percent(i.probability) })}</span>}
                <div className="at-risk-reasons">{i.reasons.map(reasonText).join(' · ')}</div>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="at-risk-side">
        <EvaluationCard e={evaluation} />
        <RulesCard rules={rules} />
      </div>
    </div>
  )
}

function EvaluationCard({ e }: { e: RiskEvaluation }) {
  const { t, fmt } = useI18n()
  const line = (who: string, m: RiskEvaluation['rules']) => (
    <li>
      <strong>{who}:</strong>{' '}
      {m
        ? `${t('customers.eval.auc', { auc: fmt.number(m.auc.value, 2), low: fmt.number(m.auc.low, 2), high: fmt.number(m.auc.high, 2) })}${m.lift !== null ? `; ${t('customers.eval.lift', { lift: fmt.number(m.lift, 1) })}` : ''}`
        : t('customers.eval.notMeasurable')}
    </li>
  )
  return (
    <Card title={t('customers.eval.title')}>
      <p data-testid="ranked-by">
        <strong>{e.rankedBy === 'model' ? t('customers.eval.rankedByModel') : e.model ? t('customers.eval.rankedByRules') : t('customers.eval.rankedByRulesNoModel')}</strong>
      </p>
      <ul className="eval-lines">
        {line(t('customers.eval.rules'), e.rules)}
        {e.model ? line(t('customers.eval.model'), e.model) : <li>{t('customers.eval.noModel', { date: fmt.day(e.cutoff), count: fmt.integer(e.churned) })}</li>}
      </ul>
      <p className="muted small">{t('customers.eval.sample', { n: fmt.integer(e.testN), churned: fmt.integer(e.testChurned), date: fmt.day(e.cutoff) })}</p>
      <p className="muted small">{t('customers.eval.what')}</p>
    </Card>
  )
}

const fields = ['lastPoor', 'lastNeutral', 'falling', 'fallShare', 'openFollowUp', 'openDays', 'silence', 'silenceDays', 'highFrom', 'mediumFrom'] as const

function RulesCard({ rules }: { rules: RiskRules }) {
  const { t } = useI18n()
  const save = useApiMutation('customers.saveRiskRules')
  const [draft, setDraft] = useState(rules)
  const [saved, setSaved] = useState(false)
  useEffect(() => setDraft(rules), [rules])
  const submit = async (next: RiskRules) => {
    setSaved(false)
    await save.mutateAsync({ rules: next }).then(() => setSaved(true)).catch(() => undefined)
  }
  return (
    <Card title={t('customers.rules.title')}>
      <form
        className="form rules-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit(draft)
        }}
      >
        {fields.map((k) => (
          <label key={k} className="field field-inline">
            <span>{t(`customers.rules.${k}` as MessageKey)}</span>
            <input
              type="number"
              name={k}
              min={k === 'fallShare' ? 0.05 : k === 'silenceDays' ? 1 : 0}
              max={k === 'fallShare' ? 1 : k.endsWith('Days') ? 3650 : 40}
              step={k === 'fallShare' ? 0.05 : k.endsWith('Days') ? 1 : 0.5}
              value={draft[k]}
              onChange={(e) => setDraft({ ...draft, [k]: Number(e.target.value) })}
            />
          </label>
        ))}
        {save.error && <ErrorNotice error={save.error} />}
        {saved && <Notice tone="success">{t('customers.rules.saved')}</Notice>}
        <div className="form-actions">
          <Button onClick={() => void submit(DEFAULT_RULES)}>{t('customers.rules.reset')}</Button>
          <Button variant="primary" type="submit" disabled={save.isPending}>
            {t('customers.rules.save')}
          </Button>
        </div>
      </form>
    </Card>
  )
}
