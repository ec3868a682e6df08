import { useMemo } from 'react'
import { Line } from 'react-chartjs-2'
import type { CartesianScaleOptions, ChartOptions, FontSpec, Scale } from 'chart.js'
import { toFont } from 'chart.js/helpers'
import type { MetricsSeries } from '../../../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import type { PeriodUnit } from '../../../../src-shared/domain/periods'
import { MIN_RELIABLE_N } from '../../../../src-shared/domain/scores'
import { useI18n } from '../../i18n/I18nProvider'
import { ChartFrame } from './ChartFrame'
import { ChartHotspots } from './ChartHotspots'
import { inboxHref, metricFilter, periodFilter } from './inboxLink'
import { lineChartBase, palette } from './chartSetup'
import { useFontsReady } from './useFontsReady'
import { FixedSizeChart, sizedOptions } from './fixedChartSize'
import { useScoreFormat } from './useScoreFormat'
import { SeriesTable } from './SeriesTable'
import { trendAxisLabels } from './trendAxis'

/**
 * The time axis's labels, laid out once the axis knows its width: short texts (days as numbers,
 * months by short name), every `step` points so that none overlap (trendAxis.ts). The labels shown
 * and their extents are written on the canvas (`data-x-ticks`) for the end-to-end tests to check.
 */
/** The tick font of a scale as a CSS font string (its options are resolved by the time its hooks run). */
const tickFont = (scale: Scale) => toFont((scale.options as unknown as CartesianScaleOptions).ticks.font as Partial<FontSpec>).string

function layOutTimeAxis(scale: Scale, starts: string[], by: PeriodUnit, locale: string, full: (s: string) => string, second: (i: number) => string) {
  const ctx = scale.ctx
  ctx.save()
  ctx.font = tickFont(scale)
  const measure = (text: string) => ctx.measureText(text).width
  const { labels } = trendAxisLabels({ starts, by, locale, axisWidthPx: scale.width, measure, full, second })
  ctx.restore()
  scale.ticks.forEach((tick, i) => (tick.label = labels[i] ?? ''))
}

function recordTimeAxis(scale: Scale) {
  const ctx = scale.ctx
  ctx.save()
  ctx.font = tickFont(scale)
  const shown = scale.ticks.flatMap((tick, i) => {
    const lines = Array.isArray(tick.label) ? tick.label : [tick.label]
    if (!lines[0]) return []
    const w = Math.max(...lines.map((l) => ctx.measureText(String(l)).width))
    const x = scale.getPixelForTick(i)
    return [{ text: String(lines[0]), left: Math.round((x - w / 2) * 10) / 10, right: Math.round((x + w / 2) * 10) / 10 }]
  })
  ctx.restore()
  scale.chart.canvas.dataset.xTicks = JSON.stringify(shown)
}

/** The value axis of each score: NPS −100…+100, CSAT 0…100%, CES its scale. */
function axisOf(series: MetricsSeries): { min?: number; max?: number } {
  if (series.metric === 'nps') return { min: -100, max: 100 }
  if (series.metric === 'csat') return { min: 0, max: 100 }
  return series.overall.scale ? { min: series.overall.scale.min, max: series.overall.scale.max } : {}
}

/**
 * A score per period with its 95% margin of error as a band and n under every period. Periods with
 * fewer than MIN_RELIABLE_N responses are drawn hollow and dashed, so noise is not read as trend.
 * Clicking a point opens the inbox on the responses behind it.
 */
export function TrendChart({ series, filter, by, title, testId }: { series: MetricsSeries; filter: FeedbackFilter; by: PeriodUnit; title: string; testId?: string }) {
  const { t, fmt, locale } = useI18n()
  const f = useScoreFormat()
  const fontsReady = useFontsReady()
  const rows = series.rows
  const filterOf = useMemo(() => (i: number) => metricFilter(periodFilter(filter, rows[i].period ?? '', by), series.metric), [filter, rows, by, series.metric])
  const hotspots = useMemo(
    () =>
      rows.flatMap((r, i) =>
        r.value === null ? [] : [{ datasetIndex: 2, index: i, href: inboxHref(filterOf(i)), label: t('chart.pointLabel', { period: f.period(r.periodStart ?? '', by), value: f.value(series.metric, r.value), n: fmt.integer(r.n) }) }],
      ),
    [rows, filterOf, t, f, by, series.metric, fmt],
  )
  const axis = axisOf(series)
  const data = useMemo(() => {
    const low = rows.map((r) => r.lowSample)
    const clamp = (v: number) => Math.min(axis.max ?? v, Math.max(axis.min ?? v, v))
    return {
      labels: rows.map((r) => [f.period(r.periodStart ?? '', by), t('chart.axisN', { n: fmt.integer(r.n) })]),
      datasets: [
        { label: 'lower', data: rows.map((r) => (r.value === null || r.moe95 === null ? null : clamp(r.value - r.moe95))), borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: false },
        { label: t('chart.band'), data: rows.map((r) => (r.value === null || r.moe95 === null ? null : clamp(r.value + r.moe95))), borderWidth: 0, pointRadius: 0, pointHitRadius: 0, backgroundColor: palette.band, fill: '-1' },
        {
          label: f.name(series.metric),
          data: rows.map((r) => r.value),
          borderColor: palette.line,
          backgroundColor: low.map((l) => (l ? '#ffffff' : palette.line)),
          pointBorderColor: palette.line,
          pointBorderWidth: 2,
          pointRadius: 4,
          pointHoverRadius: 6,
          tension: 0.25,
          clip: 8,
          segment: { borderDash: (ctx: { p0DataIndex: number; p1DataIndex: number }) => (low[ctx.p0DataIndex] || low[ctx.p1DataIndex] ? [5, 4] : undefined) },
        },
      ],
    }
  }, [rows, f, by, t, fmt, series.metric, axis.min, axis.max])
  const options = useMemo<ChartOptions<'line'>>(
    () => ({
      ...lineChartBase((i) => (rows[i]?.value === null ? null : filterOf(i))),
      scales: {
        y: { min: axis.min, max: axis.max, ticks: { callback: (v) => f.value(series.metric, Number(v)) }, grid: { color: '#edf2f7' } },
        x: {
          grid: { display: false },
          ticks: { autoSkip: false, maxRotation: 0 },
          afterTickToLabelConversion: (scale: Scale) =>
            layOutTimeAxis(
              scale,
              rows.map((r) => r.periodStart ?? ''),
              by,
              locale,
              (s) => f.period(s, by),
              (i) => t('chart.axisN', { n: fmt.integer(rows[i]?.n ?? 0) }),
            ),
          afterUpdate: recordTimeAxis,
        },
      },
      // A point at the axis's top or bottom (CSAT at 100 %, NPS at +100) is drawn whole, not cut by the chart's edge.
      layout: { padding: { top: 8, bottom: 2 } },
      plugins: {
        legend: { display: false },
        tooltip: {
          filter: (item) => item.datasetIndex === 2,
          callbacks: {
            title: (items) => f.period(rows[items[0].dataIndex].periodStart ?? '', by),
            label: (item) => {
              const r = rows[item.dataIndex]
              return r.value === null ? '' : t('chart.valueMoe', { value: f.value(series.metric, r.value), moe: r.moe95 === null ? t('common.notAvailable') : fmt.number(r.moe95, series.metric === 'ces' ? 2 : 1) })
            },
            afterLabel: (item) => {
              const r = rows[item.dataIndex]
              const parts = [t('chart.nIs', { n: fmt.integer(r.n) })]
              if (series.metric === 'nps') parts.push(t('nps.mixTooltip', { promoters: t.plural('nps.promoters', r.good), passives: t.plural('nps.passives', r.neutral), detractors: t.plural('nps.detractors', r.poor) }))
              if (r.lowSample) parts.push(t('chart.lowSample', { min: MIN_RELIABLE_N }))
              return parts
            },
          },
        },
      },
    }),
    [rows, by, f, t, fmt, series.metric, axis.min, axis.max, filterOf, locale],
  )
  return (
    <ChartFrame
      filter={filter}
      title={title}
      testId={testId}
      fileName={title}
      note={
        <>
          {t(`definition.short.${series.metric}`)} {t('chart.noteN', { n: fmt.integer(series.overall.n), min: MIN_RELIABLE_N, tz: series.timezone })}
        </>
      }
      table={<SeriesTable series={series} by={by} filter={filter} />}
    >
      {({ attach, chart }) => (
        <>
          <FixedSizeChart draw={(size) => <Line key={`${locale}-${fontsReady}`} ref={attach} aria-label={title} role="img" data={data} options={sizedOptions(options, size)} {...(size ?? {})} />} />
          <ChartHotspots chart={chart} hotspots={hotspots} />
        </>
      )}
    </ChartFrame>
  )
}
