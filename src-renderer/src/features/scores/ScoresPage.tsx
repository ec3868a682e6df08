import { useMemo } from 'react'
import type { PageProps } from '../../app/pages'
import { navigate } from '../../app/router'
import { useApiQuery } from '../../api/hooks'
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
function describeFilter(f: FeedbackFilter, dimName: (d: Dimension) => string): string {
  return Object.entries(f)
    .filter(([k, v]) => k !== 'from' && k !== 'to' && v !== undefined && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${(dimensions as readonly string[]).includes(k) ? dimName(k as Dimension) : k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join(' · ')
}
import './chartSetup'

/**
 * The Scores dashboard. Everything on it (tests/bench/sections/metrics.ts mirrors these calls):
 * tiles; NPS, CSAT and CES by period; NPS by channel, touchpoint, stage, location, segment and owner;
 * drivers; TTR by period and by owner; churn and retention; response rate; and how it is all computed.
 */
export function ScoresPage({ workspace, params }: PageProps) {
  const { t, fmt } = useI18n()
  const today = fmt.today(workspace.timezone)
  const state = useMemo(() => readScoresParams(params, today), [params, today])
  const { by, compare, filter } = state
  const defs = useApiQuery('metrics.definitions', {})
  const cesLowerBetter = (defs.data?.questions ?? []).some((q) => q.metric === 'ces' && q.direction === 'lower_better')
  return (
    <div className="scores-page" data-testid="scores-page">
      <header className="page-head">
        <h2>{t('scores.title')}</h2>
        <p className="muted">{t('scores.subtitle', { tz: workspace.timezone })}</p>
        <p className="print-only">{t('scores.printHeading', { workspace: workspace.name, from: fmt.day(filter.from), to: fmt.day(filter.to), filters: describeFilter(filter, (d) => t(`dim.${d}`)) || t('scores.noFilters') })}</p>
      </header>
      <ScoresControls params={state} today={today} onChange={(next) => navigate('scores', scoresSearchParams(next))} />
      <RollupProgress />
      <TilesRow by={by} compare={compare} filter={filter} cesLowerBetter={cesLowerBetter} />
      <div className="cards-grid">
        {metricKinds.map((m) => (
          <ScoreCard key={m} metric={m} by={by} filter={filter} />
        ))}
        <BreakdownCard filter={filter} />
        <DriversCard filter={filter} />
        <TtrCard by={by} filter={filter} />
        <CustomersCard by={by} filter={filter} />
        <ResponseRateCard by={by} filter={filter} />
        <DefinitionsPanel />
      </div>
    </div>
  )
}
