import { useMemo, type ReactNode } from 'react'
import { Line } from 'react-chartjs-2'
import type { ChartOptions } from 'chart.js'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import { useI18n } from '../../i18n/I18nProvider'
import { ChartFrame } from './ChartFrame'
import { ChartHotspots } from './ChartHotspots'
import { inboxHref } from './inboxLink'
import { useFontsReady } from './useFontsReady'
import { lineChartBase } from './chartSetup'

export interface Line {
  label: string
  values: Array<number | null>
  color: string
  dashed?: boolean
}

/**
 * A few lines over periods (TTR, churn and retention, response rate), with an optional link from
 * each point of the first line to the responses behind it.
 */
export function SimpleLineChart({
  title,
  labels,
  lines,
  format,
  note,
  table,
  linkOf,
  pointLabel,
  yMin,
  yMax,
  testId,
  filter,
}: {
  title: string
  /** The chart's filter: its dates say the period in a saved or copied image. */
  filter?: FeedbackFilter
  labels: string[]
  lines: Line[]
  format: (v: number) => string
  note: ReactNode
  table: ReactNode
  linkOf?: (index: number) => FeedbackFilter | null
  pointLabel?: (index: number) => string
  yMin?: number
  yMax?: number
  testId?: string
}) {
  const { locale } = useI18n()
  const fontsReady = useFontsReady()
  const hotspots = useMemo(
    () =>
      linkOf && pointLabel
        ? lines[0].values.flatMap((v, i) => {
            const f = v === null ? null : linkOf(i)
            return f ? [{ datasetIndex: 0, index: i, href: inboxHref(f), label: pointLabel(i) }] : []
          })
        : [],
    [lines, linkOf, pointLabel],
  )
  const data = useMemo(
    () => ({
      labels,
      datasets: lines.map((l) => ({ label: l.label, data: l.values, borderColor: l.color, backgroundColor: l.color, borderDash: l.dashed ? [6, 4] : undefined, pointRadius: 3, tension: 0.2, spanGaps: false })),
    }),
    [labels, lines],
  )
  const options = useMemo<ChartOptions<'line'>>(
    () => ({
      ...lineChartBase(linkOf),
      scales: { y: { min: yMin, max: yMax, ticks: { callback: (v) => format(Number(v)) }, grid: { color: '#edf2f7' } }, x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true } } },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, pointStyle: 'line' } }, tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.raw === null ? '—' : format(Number(item.raw))}` } } },
    }),
    [format, linkOf, yMin, yMax],
  )
  return (
    <ChartFrame filter={filter} title={title} fileName={title} note={note} table={table} testId={testId}>
      {({ attach, chart }) => (
        <>
          <Line key={`${locale}-${fontsReady}`} ref={attach} aria-label={title} role="img" data={data} options={options} />
          <ChartHotspots chart={chart} hotspots={hotspots} />
        </>
      )}
    </ChartFrame>
  )
}
