import { useMemo } from 'react'
import { Bar } from 'react-chartjs-2'
import type { ChartOptions } from 'chart.js'
import type { Figure } from '../../../../src-shared/api/metrics'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import { bandOf, type MetricKind, type Thresholds } from '../../../../src-shared/domain/scores'
import { useI18n } from '../../i18n/I18nProvider'
import { ChartFrame } from './ChartFrame'
import { ChartHotspots } from './ChartHotspots'
import { inboxHref, metricFilter, openInbox } from './inboxLink'
import { palette, pointerOnHover } from './chartSetup'
import { useFontsReady } from './useFontsReady'

const bandColors = { 1: palette.good, 0: palette.neutral, [-1]: palette.poor } as const

/**
 * How many answered each score, every point of the scale shown (also those nobody gave), coloured
 * by the question's bands when all answers share one question's scale. A bar opens the responses
 * that gave that score.
 */
export function DistributionChart({ metric, figure, filter, title, thresholds }: { metric: MetricKind; figure: Figure; filter: FeedbackFilter; title: string; thresholds: Thresholds | null }) {
  const { t, fmt, locale } = useI18n()
  const fontsReady = useFontsReady()
  const bars = useMemo(() => {
    const counts = new Map(figure.distribution.map((d) => [d.score, d.n]))
    const scale = figure.scale
    const scores = scale ? Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i) : figure.distribution.map((d) => d.score)
    return scores.map((score) => ({
      score,
      n: counts.get(score) ?? 0,
      color: scale && thresholds ? bandColors[bandOf(score, scale.direction, thresholds)] : palette.line,
    }))
  }, [figure, thresholds])
  const filterOf = useMemo(() => (score: number) => ({ ...metricFilter(filter, metric), score: [score] }), [filter, metric])
  const hotspots = useMemo(
    () => bars.flatMap((b, i) => (b.n ? [{ datasetIndex: 0, index: i, href: inboxHref(filterOf(b.score)), label: t.plural('dist.barLabel', b.n, { score: b.score }) }] : [])),
    [bars, filterOf, t],
  )
  const data = useMemo(() => ({ labels: bars.map((b) => String(b.score)), datasets: [{ label: t('dist.count'), data: bars.map((b) => b.n), backgroundColor: bars.map((b) => b.color) }] }), [bars, t])
  const options = useMemo<ChartOptions<'bar'>>(
    () => ({
      maintainAspectRatio: false,
      animation: false,
      onClick: (_e, els) => {
        const bar = els[0] ? bars[els[0].index] : undefined
        if (bar?.n) openInbox(filterOf(bar.score))
      },
      onHover: pointerOnHover,
      scales: { x: { grid: { display: false } }, y: { beginAtZero: true, ticks: { precision: 0, callback: (v) => fmt.integer(Number(v)) }, grid: { color: '#edf2f7' } } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => t.plural('dist.tooltip', Number(item.raw), { share: figure.n ? fmt.percentValue((100 * Number(item.raw)) / figure.n) : '' }) } },
      },
    }),
    [bars, filterOf, fmt, t, figure.n],
  )
  return (
    <ChartFrame filter={filter} title={title} fileName={title} note={t('dist.note', { n: fmt.integer(figure.n) })}>
      {({ attach, chart }) => (
        <>
          <Bar key={`${locale}-${fontsReady}`} ref={attach} aria-label={title} role="img" data={data} options={options} />
          <ChartHotspots chart={chart} hotspots={hotspots} />
        </>
      )}
    </ChartFrame>
  )
}
