import { useState } from 'react'
import type { Dimension, FeedbackFilter } from '../../../../src-shared/api/filters'
import type { MetricKind } from '../../../../src-shared/domain/scores'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Card } from '../../components/Card'
import { QueryStates } from './QueryStates'
import { BreakdownChart } from './BreakdownChart'
import { CompareGroups } from './CompareGroups'
import { MetricSelect } from './MetricSelect'

export const BREAKDOWN_DIMS: Dimension[] = ['channel', 'touchpoint', 'stage', 'location', 'segment', 'owner']

function Breakdown({ metric, dim, filter }: { metric: MetricKind; dim: Dimension; filter: FeedbackFilter }) {
  const { t } = useI18n()
  const series = useApiQuery('metrics.series', { metric, dim, filter })
  const title = t('breakdown.title', { metric: t(`metricName.${metric}`), dim: t(`dim.${dim}`) })
  return (
    <QueryStates query={series}>
      {(data) => (
        <div>
          <BreakdownChart series={data} dim={dim} filter={filter} title={title} testId={`breakdown-${dim}`} hint={dim === 'owner' ? t('breakdown.ownerNote') : undefined} />
          <CompareGroups metric={metric} dim={dim} groups={data.rows.flatMap((r) => (r.group === null ? [] : [r.group]))} filter={filter} />
        </div>
      )}
    </QueryStates>
  )
}

/** A score by channel, touchpoint, stage, location, segment and owner (who followed up) side by side, over the page's range and filters. */
export function BreakdownCard({ filter }: { filter: FeedbackFilter }) {
  const { t } = useI18n()
  const [metric, setMetric] = useState<MetricKind>('nps')
  return (
    <Card title={t('breakdown.cardTitle')} className="wide" actions={<MetricSelect value={metric} onChange={setMetric} label={t('breakdown.metric')} />}>
      <div className="breakdown-grid">
        {BREAKDOWN_DIMS.map((dim) => (
          <Breakdown key={dim} metric={metric} dim={dim} filter={filter} />
        ))}
      </div>
    </Card>
  )
}
