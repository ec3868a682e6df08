import { BarController, BarElement, CategoryScale, Chart, Filler, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip, type Plugin } from 'chart.js'

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
