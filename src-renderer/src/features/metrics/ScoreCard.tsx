import type { QuestionDefinition } from '../../../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import type { MetricKind, Thresholds } from '../../../../src-shared/domain/scores'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { QueryStates } from './QueryStates'
import { TrendChart } from './TrendChart'
import { NpsMixChart } from './NpsMixChart'
import { DistributionChart } from './DistributionChart'
import { useScoreFormat } from './useScoreFormat'

/** The cut-offs every question of a metric shares, or null when they differ (then bars are not coloured by band). */
function sharedThresholds(questions: QuestionDefinition[] | undefined, metric: MetricKind): Thresholds | null {
  const qs = (questions ?? []).filter((q) => q.metric === metric)
  if (!qs.length || qs.some((q) => q.goodThreshold !== qs[0].goodThreshold || q.poorThreshold !== qs[0].poorThreshold)) return null
  return { good: qs[0].goodThreshold, poor: qs[0].poorThreshold }
}

/** One score over the page's range: its trend with the margin of error, the NPS mix, and the distribution of answers. */
export function ScoreCard({ metric, by, filter }: { metric: MetricKind; by: PeriodUnit; filter: FeedbackFilter }) {
  const { t, fmt } = useI18n()
  const f = useScoreFormat()
  const series = useApiQuery('metrics.series', { metric, by, filter })
  const defs = useApiQuery('metrics.definitions', {})
  const name = t(`metricName.${metric}`)
  const overall = series.data?.overall
  // The whole range as one figure beside its trend: what the range says, not only its last period.
  const headline =
    overall && overall.value !== null ? (
      <span className="headline" data-testid={`overall-${metric}`}>
        {t('scores.overall', { value: f.value(metric, overall.value), moe: overall.moe95 === null ? '–' : fmt.number(overall.moe95, metric === 'ces' ? 2 : 1), n: fmt.integer(overall.n) })}
      </span>
    ) : null
  return (
    <Card title={t('scores.cardTitle', { metric: name })} actions={headline} className={metric === 'nps' ? 'wide' : undefined}>
      <QueryStates query={series} isEmpty={(s) => s.overall.n === 0} empty={t('scores.noResponses', { metric: name })}>
        {(data) => (
          <div className={metric === 'nps' ? 'score-charts three' : 'score-charts'}>
            <TrendChart series={data} filter={filter} by={by} title={t('scores.trendTitle', { metric: name })} testId={`trend-${metric}`} />
            {metric === 'nps' && <NpsMixChart series={data} filter={filter} by={by} title={t('nps.mixTitle')} />}
            <DistributionChart metric={metric} figure={data.overall} filter={filter} title={t('dist.title', { metric: name })} thresholds={sharedThresholds(defs.data?.questions, metric)} />
          </div>
        )}
      </QueryStates>
    </Card>
  )
}
