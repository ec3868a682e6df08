import type { ReactNode } from 'react'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import { useI18n } from '../../i18n/I18nProvider'
import { useScoreFormat } from './useScoreFormat'

export interface Column<R> {
  header: string
  cell: (row: R) => ReactNode
}

/** A chart's numbers by period, as a table (for screen readers, copying and checking a figure). */
export function PeriodTable<R extends { period: string | null; periodStart: string | null; lowSample?: boolean }>({ rows, by, columns }: { rows: R[]; by: PeriodUnit; columns: Array<Column<R>> }) {
  const { t } = useI18n()
  const f = useScoreFormat()
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('chart.period')}</th>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.period} className={r.lowSample ? 'muted' : undefined}>
            <th scope="row">{f.period(r.periodStart ?? '', by)}</th>
            {columns.map((c) => (
              <td key={c.header}>{c.cell(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
