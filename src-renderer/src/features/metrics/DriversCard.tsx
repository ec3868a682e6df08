import { useState } from 'react'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import { MIN_RELIABLE_N, type MetricKind } from '../../../../src-shared/domain/scores'
import { useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { useDimValueLabel } from '../../i18n/channelLabels'
import { Card } from '../../components/Card'
import { QueryStates } from './QueryStates'
import { inboxHref, metricFilter } from './inboxLink'
import { MetricSelect } from './MetricSelect'
import { useScoreFormat } from './useScoreFormat'

/** The touchpoints, channels and themes that pull the score down most, with what each costs the overall score (± its margin of error), whether that is within noise, and its n. */
export function DriversCard({ filter }: { filter: FeedbackFilter }) {
  const { t, fmt } = useI18n()
  const valueLabel = useDimValueLabel()
  const f = useScoreFormat()
  const [metric, setMetric] = useState<MetricKind>('nps')
  const result = useApiQuery('metrics.drivers', { metric, filter })
  const biggest = Math.max(0.0001, ...(result.data?.drivers.map((d) => Math.abs(d.impact ?? 0)) ?? [0]))
  return (
    <Card title={t('drivers.title')} actions={<MetricSelect value={metric} onChange={setMetric} label={t('breakdown.metric')} />} footer={<span className="muted">{t(`drivers.definition.${metric}`, { min: MIN_RELIABLE_N })} {t('drivers.noiseNote')}</span>}>
      <QueryStates query={result} isEmpty={(d) => d.drivers.length === 0} empty={t('scores.noData')}>
        {(data) => (
        <table className="drivers" data-testid="drivers">
          <thead>
            <tr>
              <th scope="col">{t('drivers.group')}</th>
              <th scope="col">{t('drivers.score')}</th>
              <th scope="col">{t('drivers.rest')}</th>
              <th scope="col">{t('drivers.impact')}</th>
              <th scope="col">{t('chart.nHeader')}</th>
            </tr>
          </thead>
          <tbody>
            {data.drivers.map((d) => (
              <tr key={`${d.dim}:${d.group}`} className={d.lowSample ? 'muted' : undefined}>
                <th scope="row">
                  <a href={inboxHref(metricFilter({ ...filter, [d.dim]: [d.group] }, metric))}>{valueLabel(d.dim, d.group)}</a>
                  <span className="muted"> · {t(`dim.${d.dim}`)}</span>
                  {d.lowSample && <span className="badge-low">{t('breakdown.fewShort', { n: fmt.integer(d.n) })}</span>}
                  {d.withinNoise === true && <span className="badge-low" data-testid="driver-noise">{t('drivers.noise')}</span>}
                  {d.withinNoise === null && !d.lowSample && d.impact !== null && <span className="badge-low">{t('drivers.cannotSay')}</span>}
                </th>
                <td>{f.value(metric, d.value)}</td>
                <td>{f.value(metric, d.rest)}</td>
                <td className="impact">
                  <span className={`impact-bar ${(d.impact ?? 0) > 0 ? 'poor' : 'good'}`} style={{ width: `${(60 * Math.abs(d.impact ?? 0)) / biggest}px` }} aria-hidden="true" />
                  {d.impact === null ? t('common.notAvailable') : fmt.signed(-d.impact, metric === 'ces' ? 2 : 1)}
                  {d.impact !== null && d.impactMoe95 !== null && <small className="muted"> ± {fmt.number(d.impactMoe95, metric === 'ces' ? 2 : 1)}</small>}
                </td>
                <td>{fmt.integer(d.n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
      </QueryStates>
    </Card>
  )
}
