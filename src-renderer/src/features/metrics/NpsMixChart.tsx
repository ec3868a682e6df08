import { useMemo } from 'react'
import { Bar } from 'react-chartjs-2'
import type { ChartOptions } from 'chart.js'
import type { MetricsSeries } from '../../../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import type { ScoreBand } from '../../../../src-shared/domain/scores'
import { useI18n } from '../../i18n/I18nProvider'
import { ChartFrame } from './ChartFrame'
import { ChartHotspots } from './ChartHotspots'
import { inboxHref, metricFilter, openInbox, periodFilter } from './inboxLink'
import { palette, pointerOnHover } from './chartSetup'
import { useFontsReady } from './useFontsReady'
import { useScoreFormat } from './useScoreFormat'
import { SeriesTable } from './SeriesTable'

const bands: Array<{ band: ScoreBand; key: 'good' | 'neutral' | 'poor'; color: string }> = [
  { band: 'poor', key: 'poor', color: palette.poor },
  { band: 'neutral', key: 'neutral', color: palette.neutral },
  { band: 'good', key: 'good', color: palette.good },
]

/** Promoters, passives and detractors as shares of each period, stacked to 100%; a segment opens its responses. */
export function NpsMixChart({ series, filter, by, title }: { series: MetricsSeries; filter: FeedbackFilter; by: PeriodUnit; title: string }) {
  const { t, fmt, locale } = useI18n()
  const f = useScoreFormat()
  const fontsReady = useFontsReady()
  const rows = series.rows
  const names = useMemo(() => ({ good: t('nps.promoters'), neutral: t('nps.passives'), poor: t('nps.detractors') }), [t])
  const filterOf = useMemo(() => (d: number, i: number) => ({ ...metricFilter(periodFilter(filter, rows[i].period ?? '', by), 'nps'), band: [bands[d].band] }), [filter, rows, by])
  const hotspots = useMemo(
    () =>
      bands.flatMap((b, d) =>
        rows.flatMap((r, i) => (r[b.key] ? [{ datasetIndex: d, index: i, href: inboxHref(filterOf(d, i)), label: t('nps.segmentLabel', { group: names[b.key], period: f.period(r.periodStart ?? '', by), n: fmt.integer(r[b.key]) }) }] : [])),
      ),
    [rows, filterOf, t, f, by, fmt, names],
  )
  const data = useMemo(
    () => ({
      labels: rows.map((r) => f.period(r.periodStart ?? '', by)),
      datasets: bands.map((b) => ({ label: names[b.key], data: rows.map((r) => (r.n ? (100 * r[b.key]) / r.n : 0)), backgroundColor: b.color, borderColor: '#ffffff', borderWidth: 1 })),
    }),
    [rows, f, by, names],
  )
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      maintainAspectRatio: false,
      animation: false,
      onClick: (_e, els) => {
        const el = els[0]
        if (el && rows[el.index][bands[el.datasetIndex].key]) openInbox(filterOf(el.datasetIndex, el.index))
      },
      onHover: pointerOnHover,
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true } },
        y: { stacked: true, min: 0, max: 100, ticks: { callback: (v) => fmt.percentValue(Number(v), 0) }, grid: { color: '#edf2f7' } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            title: (items) => f.period(rows[items[0].dataIndex].periodStart ?? '', by),
            label: (item) => {
              const r = rows[item.dataIndex]
              const k = bands[item.datasetIndex].key
              return t('nps.segmentTooltip', { group: names[k], share: fmt.percentValue(Number(item.raw)), n: fmt.integer(r[k]), total: fmt.integer(r.n) })
            },
          },
        },
      },
    }),
    [rows, f, by, t, fmt, names, filterOf],
  )
  return (
    <ChartFrame filter={filter} title={title} fileName={title} note={<>{t('nps.mixNote')} {t('chart.noteTotal', { n: fmt.integer(series.overall.n) })}</>} table={<SeriesTable series={series} by={by} filter={filter} />}>
      {({ attach, chart }) => (
        <>
          <Bar key={`${locale}-${fontsReady}`} ref={attach} aria-label={title} role="img" data={data} options={options} />
          <ChartHotspots chart={chart} hotspots={hotspots} />
        </>
      )}
    </ChartFrame>
  )
}
