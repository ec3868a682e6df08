import { CategoryScale, Chart, Filler, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js'

// Register only what the charts use, so the bundle stays small.
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Filler, Tooltip)
Chart.defaults.font.family = "'Noto Sans', 'Noto Sans Thai', sans-serif"
Chart.defaults.color = '#4a5568'

export { Chart }
