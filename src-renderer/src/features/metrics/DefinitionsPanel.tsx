import type { DefinitionsOnly, QuestionDefinition } from '../../../../src-shared/api/metrics'
import { MIN_RELIABLE_N } from '../../../../src-shared/domain/scores'
import { useApiQuery } from '../../api/hooks'
import { hrefFor } from '../../platform/router'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'

/** "good" and "poor" of a question as ranges on its scale, e.g. 4–5 and 1–2. */
export function bandRanges(q: Pick<QuestionDefinition, 'scaleMin' | 'scaleMax' | 'direction' | 'goodThreshold' | 'poorThreshold'>) {
  const span = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`)
  return q.direction === 'higher_better'
    ? { good: span(q.goodThreshold, q.scaleMax), poor: span(q.scaleMin, q.poorThreshold) }
    : { good: span(q.scaleMin, q.goodThreshold), poor: span(q.poorThreshold, q.scaleMax) }
}

/** "How these numbers are computed": every definition the page uses, with this workspace's settings filled in. */
export function DefinitionsPanel() {
  const { t } = useI18n()
  const defs = useApiQuery('metrics.definitions', {})
  return (
    <Card title={t('defs.title')} className="wide definitions" footer={<a href={hrefFor('score-settings')}>{t('defs.change')}</a>}>
      {defs.isPending && <Loading label={t('common.loading')} />}
      {defs.error && <ErrorNotice error={defs.error} />}
      {defs.data && (
        <DefinitionsList defs={defs.data} />
      )}
    </Card>
  )
}

/** The definitions themselves, with the workspace's questions, thresholds and working hours (also printed in reports' appendix). */
export function DefinitionsList({ defs }: { defs: DefinitionsOnly }) {
  const { t } = useI18n()
  const days = (list: number[]) => list.map((d) => t(`weekday.${d as 1 | 2 | 3 | 4 | 5 | 6 | 7}`)).join(', ')
  return (
    <dl className="defs" data-testid="definitions">
      <dt>{t('metricName.nps')}</dt>
      <dd>{t('defs.nps')}</dd>
      <dt>{t('metricName.csat')}</dt>
      <dd>
        {t('defs.csat')}
        <ul>
          {defs.questions
            .filter((q) => q.metric === 'csat')
            .map((q) => (
              <li key={q.id}>{t('defs.csatQuestion', { label: q.label, min: q.scaleMin, max: q.scaleMax, ...bandRanges(q) })}</li>
            ))}
        </ul>
      </dd>
      <dt>{t('metricName.ces')}</dt>
      <dd>
        {t('defs.ces')}
        <ul>
          {defs.questions
            .filter((q) => q.metric === 'ces')
            .map((q) => (
              <li key={q.id}>{t(q.direction === 'higher_better' ? 'defs.cesAgreement' : 'defs.cesEffort', { label: q.label, min: q.scaleMin, max: q.scaleMax, ...bandRanges(q) })}</li>
            ))}
        </ul>
      </dd>
      <dt>{t('metricName.ttr')}</dt>
      <dd>
        {t('defs.ttr')}{' '}
        {defs.businessHours.enabled
          ? t('defs.ttrBusiness', { days: days(defs.businessHours.days), start: defs.businessHours.start, end: defs.businessHours.end })
          : t('defs.ttrCalendar')}
      </dd>
      <dt>{t('defs.customersTerm')}</dt>
      <dd>{t('defs.customers')}</dd>
      <dt>{t('metricName.responseRate')}</dt>
      <dd>{t('defs.responseRate')}</dd>
      <dt>{t('defs.uncertaintyTerm')}</dt>
      <dd>{t('defs.uncertainty', { min: MIN_RELIABLE_N })}</dd>
      <dt>{t('defs.periodsTerm')}</dt>
      <dd>{t('defs.periods', { tz: defs.timezone })}</dd>
    </dl>
  )
}
