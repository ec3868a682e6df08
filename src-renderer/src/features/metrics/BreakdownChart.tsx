import { useMemo } from 'react'
import { Bar } from 'react-chartjs-2'
import type { ChartData, ChartOptions } from 'chart.js'
import type { MetricsSeries } from '../../../../src-shared/api/metrics'
import type { Dimension, FeedbackFilter } from '../../../../src-shared/api/filters'
import { MIN_RELIABLE_N } from '../../../../src-shared/domain/scores'
import { useI18n } from '../../i18n/I18nProvider'
import { useDimValueLabel } from '../../i18n/channelLabels'
import { ChartFrame } from './ChartFrame'
import { ChartHotspots } from './ChartHotspots'
import { inboxHref, metricFilter, openInbox } from './inboxLink'
import { palette, pointerOnHover } from './chartSetup'
import { useFontsReady } from './useFontsReady'
import { FixedSizeChart, sizedOptions } from './fixedChartSize'
import { useScoreFormat } from './useScoreFormat'
import { SeriesTable } from './SeriesTable'

/**
 * A score per group (channel, touchpoint, …), best first, each bar with its 95% margin of error as
 * a thin range; groups with too few responses are drawn pale and say so. A bar opens its responses.
 */
export function BreakdownChart({ series, dim, filter, title, testId, hint }: { series: MetricsSeries; dim: Dimension; filter: FeedbackFilter; title: string; testId?: string; hint?: string }) {
  const { t, fmt, locale } = useI18n()
  const f = useScoreFormat()
  const valueLabel = useDimValueLabel()
  const fontsReady = useFontsReady()
  const rows = useMemo(() => series.rows.filter((r) => r.group !== null && r.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0)), [series.rows])
  const filterOf = useMemo(() => (i: number) => metricFilter({ ...filter, [dim]: [rows[i].group!] }, series.metric), [filter, dim, rows, series.metric])
  const hotspots = useMemo(
    () => rows.map((r, i) => ({ datasetIndex: 1, index: i, href: inboxHref(filterOf(i)), label: t('breakdown.barLabel', { group: valueLabel(dim, r.group!), value: f.value(series.metric, r.value), n: fmt.integer(r.n) }) })),
    [rows, filterOf, t, f, series.metric, fmt, valueLabel, dim],
  )
  const data = useMemo(
    (): ChartData<'bar', Array<number | [number, number] | null>, string> => ({
      labels: rows.map((r) => (r.lowSample ? `${valueLabel(dim, r.group!)} · ${t('breakdown.fewShort', { n: fmt.integer(r.n) })}` : valueLabel(dim, r.group!))),
      datasets: [
        {
          label: t('chart.band'),
          data: rows.map((r): [number, number] | null => (r.value === null || r.moe95 === null ? null : [r.value - r.moe95, r.value + r.moe95])),
          backgroundColor: 'rgba(26, 32, 44, 0.55)',
          barThickness: 3,
          grouped: false,
          order: 0,
        },
        { label: f.name(series.metric), data: rows.map((r) => r.value), backgroundColor: rows.map((r) => (r.lowSample ? palette.muted : palette.line)), grouped: false, order: 1 },
      ],
    }),
    [rows, t, fmt, f, series.metric, valueLabel, dim],
  )
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      onClick: (_e, els) => {
        const el = els[0]
        if (el) openInbox(filterOf(el.index))
      },
      onHover: pointerOnHover,
      scales: {
        x: { ticks: { callback: (v) => f.value(series.metric, Number(v)) }, grid: { color: '#edf2f7' }, ...(series.metric === 'csat' ? { min: 0, max: 100 } : {}) },
        y: { grid: { display: false } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          filter: (item) => item.datasetIndex === 1,
          callbacks: {
            label: (item) => {
              const r = rows[item.dataIndex]
              return [
                t('chart.valueMoe', { value: f.value(series.metric, r.value), moe: r.moe95 === null ? t('common.notAvailable') : fmt.number(r.moe95, series.metric === 'ces' ? 2 : 1) }),
                t('chart.nIs', { n: fmt.integer(r.n) }),
                ...(r.lowSample ? [t('chart.lowSample', { min: MIN_RELIABLE_N })] : []),
              ]
            },
          },
        },
      },
    }),
    [rows, t, fmt, f, series.metric, filterOf],
  )
  const height = Math.max(160, rows.length * 30 + 60)
  return (
    <ChartFrame
      filter={filter}
      title={title}
      testId={testId}
      fileName={title}
      note={
        <>
          {t(`definition.short.${series.metric}`)} {t('breakdown.note', { min: MIN_RELIABLE_N, n: fmt.integer(series.overall.n) })}
          {hint && ` ${hint}`}
        </>
      }
      table={<SeriesTable series={series} filter={filter} dim={dim} />}
    >
      {({ attach, chart }) =>
        rows.length ? (
          <div className="chart-sized" style={{ height }}>
            <FixedSizeChart draw={(size) => <Bar key={`${locale}-${fontsReady}`} ref={attach} aria-label={title} role="img" data={data} options={sizedOptions(options, size)} {...(size ?? {})} />} />
            <ChartHotspots chart={chart} hotspots={hotspots} />
          </div>
        ) : (
          <p className="empty">{t('scores.noData')}</p>
        )
      }
    </ChartFrame>
  )
}
