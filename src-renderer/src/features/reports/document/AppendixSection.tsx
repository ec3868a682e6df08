import type { ReportData } from '../../../../../src-shared/api/reports'
import { useI18n } from '../../../i18n/I18nProvider'
import { DefinitionsList } from '../../metrics/DefinitionsPanel'
import { Nothing } from './Section'
import { useReportFormat } from './useReportFormat'

/** How every figure is computed, with this workspace's definitions, and the sample size behind each headline figure. */
export function AppendixSection({ data }: { data: ReportData }) {
  const { t, fmt } = useI18n()
  const f = useReportFormat()
  const a = data.appendix
  if (!a) return <Nothing />
  // The response rate only when surveys sent were entered, as in the headline.
  const samples = a.samples.filter((s) => s.metric !== 'responseRate' || s.n > 0 || (s.previousN ?? 0) > 0)
  const before = (s: (typeof samples)[number]) => (s.previousN === null ? t('common.notAvailable') : fmt.integer(s.previousN))
  return (
    <div className="report-appendix">
      <DefinitionsList defs={a.definitions} />
      <h3>{t('report.appendix.samples')}</h3>
      {data.options.kind === 'manager' ? (
        // The manager summary's pages are counted: the sample sizes as one short list, not a table.
        <>
          <p className="muted">{data.comparison ? `${t('report.table.thisPeriod')} · ${t('report.table.previousPeriod')}` : t('report.table.thisPeriod')}</p>
          <ul className="report-samples">
            {samples.map((s) => (
              <li key={s.metric}>
                <strong>{f.name(s.metric)}</strong> {fmt.integer(s.n)}
                {data.comparison && <span className="muted"> · {before(s)}</span>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <table className="report-table compact">
          <thead>
            <tr>
              <th scope="col">{t('report.table.figure')}</th>
              <th scope="col">{t('report.table.thisPeriod')}</th>
              {data.comparison && <th scope="col">{t('report.table.previousPeriod')}</th>}
            </tr>
          </thead>
          <tbody>
            {samples.map((s) => (
              <tr key={s.metric}>
                <th scope="row">{f.name(s.metric)}</th>
                <td>{fmt.integer(s.n)}</td>
                {data.comparison && <td>{before(s)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
