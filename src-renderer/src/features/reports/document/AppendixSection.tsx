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
  return (
    <>
      <DefinitionsList defs={a.definitions} />
      <h3>{t('report.appendix.samples')}</h3>
      <table className="report-table compact">
        <thead>
          <tr>
            <th scope="col">{t('report.table.figure')}</th>
            <th scope="col">{t('report.table.thisPeriod')}</th>
            {data.comparison && <th scope="col">{t('report.table.previousPeriod')}</th>}
          </tr>
        </thead>
        <tbody>
          {a.samples.map((s) => (
            <tr key={s.metric}>
              <th scope="row">{f.name(s.metric)}</th>
              <td>{fmt.integer(s.n)}</td>
              {data.comparison && <td>{s.previousN === null ? t('common.notAvailable') : fmt.integer(s.previousN)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
