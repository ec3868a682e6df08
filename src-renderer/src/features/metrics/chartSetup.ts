import { BarController, BarElement, CategoryScale, Chart, Filler, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip, type ActiveElement, type ChartEvent, type ChartOptions, type Plugin } from 'chart.js'
import type { FeedbackFilter } from '../../../../src-shared/api/filters'
import { openInbox } from './inboxLink'

/** Charts copied or saved as PNG, and printed, get a white background instead of a transparent one. */
const whiteBackground: Plugin = {
  id: 'cxdeskBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart
    ctx.save()
    ctx.globalCompositeOperation = 'destination-over'
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, width, height)
    ctx.restore()
  },
}

// Register only what the charts use, so the bundle stays small.
Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Filler, Tooltip, Legend, whiteBackground)
Chart.defaults.font.family = "'Noto Sans', 'Noto Sans Thai', sans-serif"
Chart.defaults.color = '#4a5568'
// Sharp on screen, in copies and in print.
Chart.defaults.devicePixelRatio = Math.max(2, typeof window === 'undefined' ? 2 : window.devicePixelRatio)

// Printed pages are narrower than the window: charts are redrawn to the page's width, and back after.
// Charts drawn at a fixed size (the print page's, fixedChartSize.tsx) already have the paper's and are left alone.
if (typeof window !== 'undefined') {
  const resizeAll = () => Object.values(Chart.instances).forEach((c) => c.options.responsive !== false && c.resize())
  window.addEventListener('beforeprint', resizeAll)
  window.addEventListener('afterprint', resizeAll)
}

export { Chart }

/** Colours that stay apart in print and for red–green colour blindness (blue / grey / orange). */
export const palette = {
  line: '#2b6cb0',
  band: 'rgba(43, 108, 176, 0.14)',
  good: '#2b6cb0',
  neutral: '#a0aec0',
  poor: '#dd6b20',
  muted: '#cbd5e0',
  second: '#805ad5',
}

/** A hand over what can be clicked (a bar or a point that opens its responses). */
export function pointerOnHover(e: ChartEvent, elements: ActiveElement[]): void {
  const target = e.native?.target as HTMLElement | undefined
  if (target) target.style.cursor = elements.length ? 'pointer' : 'default'
}

/** What every line chart of the page shares: no animation, the tooltip for the whole period, and a click through to the responses of the point. */
export function lineChartBase(filterOf?: (index: number) => FeedbackFilter | null): ChartOptions<'line'> {
  const base: ChartOptions<'line'> = { maintainAspectRatio: false, animation: false, interaction: { mode: 'index', intersect: false } }
  if (!filterOf) return base
  return {
    ...base,
    onClick: (_e, _els, chart) => {
      const active = chart.getActiveElements()[0]
      const filter = active ? filterOf(active.index) : null
      if (filter) openInbox(filter)
    },
    onHover: pointerOnHover,
  }
}
