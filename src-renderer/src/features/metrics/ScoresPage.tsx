import { useMemo } from 'react'
import type { PageProps } from '../../platform/pageProps'
import { navigate } from '../../platform/router'
import { useApiQuery } from '../../api/hooks'
import { Loading } from '../../components/Loading'
import { ErrorNotice } from '../../components/ErrorNotice'
import type { Comparison } from '../../../../src-shared/api/metrics'
import type { DataSpan } from '../../../../src-shared/domain/defaultView'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import { useI18n } from '../../i18n/I18nProvider'
import { metricKinds } from '../../../../src-shared/domain/scores'
import { ScoresControls } from './ScoresControls'
import { TilesRow } from './TilesRow'
import { ScoreCard } from './ScoreCard'
import { BreakdownCard } from './BreakdownCard'
import { DriversCard } from './DriversCard'
import { TtrCard } from './TtrCard'
import { CustomersCard } from './CustomersCard'
import { ResponseRateCard } from './ResponseRateCard'
import { DefinitionsPanel } from './DefinitionsPanel'
import { RollupProgress } from './RollupProgress'
import { readScoresParams, scoresSearchParams } from './scoresParams'
import { dimensions, type Dimension, type FeedbackFilter } from '../../../../src-shared/api/filters'

/** The filters in force, as plain text for the printed page (the controls are not printed). */
function describeFilter(f: FeedbackFilter, dimName: (d: Dimension) => string, valueLabel: (dim: string, value: string) => string): string {
  return Object.entries(f)
    .filter(([k, v]) => k !== 'from' && k !== 'to' && v !== undefined && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${(dimensions as readonly string[]).includes(k) ? dimName(k as Dimension) : k}: ${Array.isArray(v) ? v.map((x) => valueLabel(k, String(x))).join(', ') : String(v)}`)
    .join(' · ')
}
import './chartSetup'
import { useDimValueLabel } from '../../i18n/channelLabels'
import { ChurnByBandCard } from '../customers/ChurnByBandCard'

/**
 * The Scores dashboard. Everything on it (tests/bench/sections/metrics.ts mirrors these calls):
 * tiles; NPS, CSAT and CES by period; NPS by channel, touchpoint, stage, location, segment and owner;
 * drivers; TTR by period and by owner; churn and retention; response rate; and how it is all computed.
 */
export function ScoresPage({ workspace, params }: PageProps) {
  const { t } = useI18n()
  const dataSpan = useApiQuery('metrics.dataSpan', {})
  if (dataSpan.isPending) return <Loading label={t('common.loading')} />
  if (dataSpan.error) return <ErrorNotice error={dataSpan.error} />
  return <ScoresView workspace={workspace} params={params} span={dataSpan.data.span} today={dataSpan.data.today} />
}

/** The page once it knows where the data is (its default range depends on it). */
function ScoresView({ workspace, params, span, today }: PageProps & { span: DataSpan | null; today: string }) {
  const { t, fmt } = useI18n()
  const valueLabel = useDimValueLabel()
  const state = useMemo(() => readScoresParams(params, today, span), [params, today, span])
  const { by, compare, filter } = state
  const go = (next: { by: PeriodUnit; compare: Comparison; filter: FeedbackFilter }) => navigate('scores', scoresSearchParams(next))
  const defs = useApiQuery('metrics.definitions', {})
  const cesLowerBetter = (defs.data?.questions ?? []).some((q) => q.metric === 'ces' && q.direction === 'lower_better')
  return (
    <div className="scores-page" data-testid="scores-page">
      <header className="page-head">
        <h2>{t('scores.title')}</h2>
        <p className="muted">{t('scores.subtitle', { tz: workspace.timezone })}</p>
        <p className="print-only">{t('scores.printHeading', { workspace: workspace.name, from: fmt.day(filter.from), to: fmt.day(filter.to), filters: describeFilter(filter, (d) => t(`dim.${d}`), valueLabel) || t('scores.noFilters') })}</p>
      </header>
      <ScoresControls params={state} today={today} span={span} onChange={go} />
      <RollupProgress />
      <TilesRow by={by} compare={compare} filter={filter} cesLowerBetter={cesLowerBetter} span={span} onShowData={(range) => go({ by, compare, filter: { ...filter, ...range } })} />
      <div className="cards-grid">
        {metricKinds.map((m) => (
          <ScoreCard key={m} metric={m} by={by} filter={filter} />
        ))}
        <BreakdownCard filter={filter} />
        <DriversCard filter={filter} />
        <TtrCard by={by} filter={filter} />
        <CustomersCard by={by} filter={filter} />
        <ChurnByBandCard />
        <ResponseRateCard by={by} filter={filter} />
        <DefinitionsPanel />
      </div>
    </div>
  )
}
