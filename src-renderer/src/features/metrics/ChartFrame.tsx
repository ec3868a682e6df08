import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react'
import type { Chart as ChartJS } from 'chart.js'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import { copyChart, saveChart, type ChartCaption } from './chartImage'

/** A chart with what every chart owes its reader: its definition and n, its numbers as a table, and a way to copy or save it. */
export function ChartFrame({
  title,
  note,
  table,
  fileName,
  children,
  testId,
  filter,
}: {
  title: string
  /** The definition and n, shown under the chart (and printed with it). */
  note: ReactNode
  table?: ReactNode
  fileName: string
  /** Renders the chart: `attach` goes to the chart's ref, `chart` is for overlays such as hotspots. */
  children: (chart: { attach: (instance: unknown) => void; chart: RefObject<ChartJS | null> }) => ReactNode
  testId?: string
  /** The chart's filter: its dates say the period in the saved or copied image. */
  filter?: FeedbackFilter
}) {
  const { t, fmt } = useI18n()
  const footnote = useRef<HTMLParagraphElement>(null)
  const caption = (): ChartCaption => ({
    title,
    period: !filter ? '' : filter.from || filter.to ? t('range.fromTo', { from: filter.from ? fmt.day(filter.from) : '…', to: filter.to ? fmt.day(filter.to) : '…' }) : t('controls.preset.allData'),
    note: footnote.current?.textContent?.trim() ?? '',
  })
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
          <Button variant="ghost" onClick={act((c) => copyChart(c, caption()), 'copied')} aria-label={t('chart.copyOf', { title })}>
            {t('chart.copy')}
          </Button>
          <Button variant="ghost" onClick={act((c) => saveChart(c, caption(), fileName), null)} aria-label={t('chart.saveOf', { title })}>
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
      <p ref={footnote} className="chart-footnote">
        {note}
      </p>
      {table && (
        <details className="chart-table">
          <summary>{t('chart.table')}</summary>
          {table}
        </details>
      )}
    </figure>
  )
}
