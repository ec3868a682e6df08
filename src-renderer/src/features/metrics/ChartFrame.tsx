import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react'
import type { Chart as ChartJS } from 'chart.js'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { copyChart, saveChart } from './chartImage'

/** A chart with what every chart owes its reader: its definition and n, its numbers as a table, and a way to copy or save it. */
export function ChartFrame({
  title,
  note,
  table,
  fileName,
  children,
  testId,
}: {
  title: string
  /** The definition and n, shown under the chart (and printed with it). */
  note: ReactNode
  table?: ReactNode
  fileName: string
  /** Renders the chart: `attach` goes to the chart's ref, `chart` is for overlays such as hotspots. */
  children: (chart: { attach: (instance: unknown) => void; chart: RefObject<ChartJS | null> }) => ReactNode
  testId?: string
}) {
  const { t } = useI18n()
  const ref = useRef<ChartJS | null>(null)
  const attach = useCallback((instance: unknown) => {
    ref.current = instance as ChartJS | null
  }, [])
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null)
  const act = (work: (canvas: HTMLCanvasElement) => Promise<void>, done: 'copied' | null) => async () => {
    const canvas = ref.current?.canvas
    if (!canvas) return
    try {
      await work(canvas)
      setStatus(done)
    } catch {
      setStatus('failed')
    }
  }
  return (
    <figure className="chart-frame" data-testid={testId}>
      <figcaption className="chart-head">
        <h3>{title}</h3>
        <span className="chart-actions no-print">
          <Button variant="ghost" onClick={act(copyChart, 'copied')} aria-label={t('chart.copyOf', { title })}>
            {t('chart.copy')}
          </Button>
          <Button variant="ghost" onClick={act((c) => saveChart(c, fileName), null)} aria-label={t('chart.saveOf', { title })}>
            {t('chart.save')}
          </Button>
          {status && (
            <span role="status" className={status === 'failed' ? 'chart-status poor' : 'chart-status'}>
              {t(status === 'failed' ? 'chart.copyFailed' : 'chart.copied')}
            </span>
          )}
        </span>
      </figcaption>
      <div className="chart-canvas">{children({ attach, chart: ref })}</div>
      <p className="chart-footnote">{note}</p>
      {table && (
        <details className="chart-table">
          <summary>{t('chart.table')}</summary>
          {table}
        </details>
      )}
    </figure>
  )
}
