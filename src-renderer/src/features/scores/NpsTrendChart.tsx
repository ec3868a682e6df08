import { useEffect, useState } from 'react'
import { Line } from 'react-chartjs-2'
import type { MetricsSeries } from '../../../../src-shared/api/metrics'
import { MIN_RELIABLE_N } from '../../../../src-shared/domain/scores'
import { useI18n } from '../../i18n/I18nProvider'
import './chartSetup'

const LINE = '#2b6cb0'
const BAND = 'rgba(43, 108, 176, 0.14)'

/** Canvas text is drawn once; redraw after the bundled fonts have loaded so Thai and Vietnamese labels use them. */
function useFontsReady(): boolean {
  const [ready, setReady] = useState(document.fonts.status === 'loaded')
  useEffect(() => {
    void document.fonts.ready.then(() => setReady(true))
  }, [])
  return ready
}

/**
 * Monthly NPS with its 95% margin of error as a band and n under every month. Months with
 * fewer than MIN_RELIABLE_N responses are drawn hollow and dashed, so noise is not read as trend.
 */
export function NpsTrendChart({ series }: { series: MetricsSeries }) {
  const { t, fmt, locale } = useI18n()
  const fontsReady = useFontsReady()
  const rows = series.rows
  const labels = rows.map((r) => [fmt.month(r.periodStart ?? ''), t('nps.axisN', { n: fmt.integer(r.n) })])
  const low = rows.map((r) => r.lowSample)
  const value = rows.map((r) => r.value)
  const upper = rows.map((r) => (r.value === null || r.moe95 === null ? null : Math.min(100, r.value + r.moe95)))
  const lower = rows.map((r) => (r.value === null || r.moe95 === null ? null : Math.max(-100, r.value - r.moe95)))

  return (
    <div className="chart-box">
      <Line
        key={`${locale}-${fontsReady}`}
        aria-label={t('nps.title')}
        role="img"
        data={{
          labels,
          datasets: [
            { label: 'lower', data: lower, borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: false },
            { label: t('nps.band'), data: upper, borderWidth: 0, pointRadius: 0, pointHitRadius: 0, backgroundColor: BAND, fill: '-1' },
            {
              label: 'NPS',
              data: value,
              borderColor: LINE,
              backgroundColor: low.map((l) => (l ? '#ffffff' : LINE)),
              pointBorderColor: LINE,
              pointBorderWidth: 2,
              pointRadius: 4,
              tension: 0.25,
              segment: { borderDash: (ctx) => (low[ctx.p0DataIndex] || low[ctx.p1DataIndex] ? [5, 4] : undefined) },
            },
          ],
        }}
        options={{
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            y: { suggestedMin: -20, suggestedMax: 60, ticks: { callback: (v) => fmt.signed(Number(v)) }, grid: { color: '#edf2f7' } },
            x: { grid: { display: false }, ticks: { autoSkip: true, maxRotation: 0 } },
          },
          plugins: {
            tooltip: {
              filter: (item) => item.datasetIndex === 2,
              callbacks: {
                title: (items) => fmt.month(rows[items[0].dataIndex].periodStart ?? ''),
                label: (item) => {
                  const r = rows[item.dataIndex]
                  return r.value === null ? '' : t('nps.tooltip', { value: fmt.signed(r.value, 1), moe: fmt.number(r.moe95 ?? 0, 1) })
                },
                afterLabel: (item) => {
                  const r = rows[item.dataIndex]
                  return t('nps.tooltipN', { n: fmt.integer(r.n), promoters: fmt.integer(r.good), passives: fmt.integer(r.neutral), detractors: fmt.integer(r.poor) })
                },
              },
            },
          },
        }}
      />
      <p className="chart-note muted">
        {t('nps.lowSample', { min: MIN_RELIABLE_N })} · {t('nps.timezone', { tz: series.timezone })}
      </p>
    </div>
  )
}

/** The chart's numbers as a table: for screen readers, for copying, and for checking a figure exactly. */
export function NpsTrendTable({ series }: { series: MetricsSeries }) {
  const { t, fmt } = useI18n()
  return (
    <details className="chart-table">
      <summary>{t('chart.table')}</summary>
      <table data-testid="nps-table">
        <thead>
          <tr>
            <th scope="col">{t('chart.period')}</th>
            <th scope="col">{t('nps.value')}</th>
            <th scope="col">{t('nps.moe')}</th>
            <th scope="col">{t('chart.n')}</th>
          </tr>
        </thead>
        <tbody>
          {series.rows.map((r) => (
            <tr key={r.period} data-period={r.period ?? ''} className={r.lowSample ? 'muted' : undefined}>
              <th scope="row">{fmt.month(r.periodStart ?? '')}</th>
              <td data-value={r.value ?? ''}>{r.value === null ? t('common.notAvailable') : fmt.signed(r.value, 1)}</td>
              <td>{r.moe95 === null ? t('common.notAvailable') : fmt.number(r.moe95, 1)}</td>
              <td data-n={r.n}>{fmt.integer(r.n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
