import { MIN_RELIABLE_N } from '../../../../../src-shared/domain/scores'
import type { ReportData } from '../../../../../src-shared/api/reports'
import { useI18n } from '../../../i18n/I18nProvider'
import { useDimValueLabel } from '../../../i18n/channelLabels'
import { Nothing } from './Section'
import { QuestionsNote } from './QuestionsNote'
import { useReportFormat } from './useReportFormat'

/** What pulls the score down: each group's score against everything else, and its effect on the overall score. */
export function DriversSection({ data }: { data: ReportData }) {
  const { t, fmt } = useI18n()
  const valueLabel = useDimValueLabel()
  const f = useReportFormat()
  const d = data.drivers
  if (!d) return <Nothing />
  const rows = d.drivers.filter((x) => x.impact !== null && x.impact > 0)
  return (
    <>
      <p className="muted">
        {t(`drivers.definition.${d.metric}`, { min: MIN_RELIABLE_N })} {t('drivers.noiseNote')}
      </p>
      <QuestionsNote data={data} metric={d.metric} />
      {rows.length === 0 ? (
        <Nothing text={t('report.drivers.none')} />
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('report.table.group')}</th>
              <th scope="col">{f.name(d.metric)}</th>
              <th scope="col">{t('report.table.rest')}</th>
              <th scope="col">{t('report.table.effect')}</th>
              <th scope="col">{t('chart.moe')}</th>
              <th scope="col">{t('chart.nHeader')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.dim}:${r.group}`} className={r.lowSample ? 'muted' : undefined}>
                <th scope="row">
                  {t(`dim.${r.dim}`)}: {valueLabel(r.dim, r.group)}
                  {r.withinNoise === true && <span className="badge-low"> {t('drivers.noise')}</span>}
                </th>
                <td>{f.value(d.metric, r.value)}</td>
                <td>{f.value(d.metric, r.rest)}</td>
                <td>{r.impact === null ? t('common.notAvailable') : f.effect(d.metric, r.impact)}</td>
                <td>{f.moe(d.metric, r.impactMoe95)}</td>
                <td>{fmt.integer(r.n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
