import { safeFileName, saveBlob } from '../../platform/saveFile'

/** What a chart's image says around the chart, so that it still reads alone in a slide or a chat. */
export interface ChartCaption {
  title: string
  /** The period the chart covers, as the page says it. */
  period: string
  /** The definition and n (the chart's footnote). */
  note: string
}

const PAD = 16
const TITLE_PX = 18
const TEXT_PX = 13

/** Lines of `text` no wider than `width` in the context's font: at spaces, or between characters for scripts without them (Thai). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  const words = text.split(/(\s+)/)
  for (const word of words) {
    const next = line + word
    if (ctx.measureText(next).width <= width || !line.trim()) {
      line = next
      // A single word wider than the line (Thai runs have no spaces): cut it by characters.
      while (ctx.measureText(line).width > width && line.length > 1) {
        let cut = line.length - 1
        while (cut > 1 && ctx.measureText(line.slice(0, cut)).width > width) cut--
        lines.push(line.slice(0, cut))
        line = line.slice(cut)
      }
    } else {
      lines.push(line.trimEnd())
      line = word.trimStart()
    }
  }
  if (line.trim()) lines.push(line.trimEnd())
  return lines
}

/**
 * The chart with its caption, drawn on one canvas: the title and the period above, the definition
 * and n below, on white, in the page's font, at the chart's own resolution.
 */
export function captionedCanvas(chart: HTMLCanvasElement, caption: ChartCaption): HTMLCanvasElement {
  const scale = chart.width / Math.max(1, chart.clientWidth || chart.width)
  const width = chart.width / scale
  const font = getComputedStyle(document.body).fontFamily || 'sans-serif'
  const out = document.createElement('canvas')
  const measure = out.getContext('2d')!
  measure.font = `${TEXT_PX}px ${font}`
  const noteLines = wrap(measure, caption.note, width)
  measure.font = `600 ${TITLE_PX}px ${font}`
  const titleLines = wrap(measure, caption.title, width)
  const lineH = (px: number) => Math.round(px * 1.4)
  const head = titleLines.length * lineH(TITLE_PX) + (caption.period ? lineH(TEXT_PX) : 0) + 8
  const foot = noteLines.length * lineH(TEXT_PX) + 8
  const chartH = chart.height / scale
  out.width = Math.round((width + 2 * PAD) * scale)
  out.height = Math.round((PAD + head + chartH + foot + PAD) * scale)
  const ctx = out.getContext('2d')!
  ctx.scale(scale, scale)
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, out.width, out.height)
  ctx.textBaseline = 'top'
  let y = PAD
  ctx.fillStyle = '#1a202c'
  ctx.font = `600 ${TITLE_PX}px ${font}`
  for (const l of titleLines) {
    ctx.fillText(l, PAD, y)
    y += lineH(TITLE_PX)
  }
  ctx.fillStyle = '#4a5568'
  ctx.font = `${TEXT_PX}px ${font}`
  if (caption.period) {
    ctx.fillText(caption.period, PAD, y)
    y += lineH(TEXT_PX)
  }
  y += 8
  ctx.drawImage(chart, PAD, y, width, chartH)
  y += chartH + 8
  for (const l of noteLines) {
    ctx.fillText(l, PAD, y)
    y += lineH(TEXT_PX)
  }
  return out
}

/** A chart's canvas as a PNG file. */
function pngOf(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The chart could not be drawn as an image.'))), 'image/png'))
}

/** Copies the chart, with its title, period, definition and n, to the clipboard as an image, ready to paste into a document or a chat. */
export async function copyChart(canvas: HTMLCanvasElement, caption: ChartCaption): Promise<void> {
  const blob = await pngOf(captionedCanvas(canvas, caption))
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })])
}

/** Saves the chart, with its title, period, definition and n, as a PNG file (the browser's or the desktop's download). */
export async function saveChart(canvas: HTMLCanvasElement, caption: ChartCaption, fileName: string): Promise<void> {
  saveBlob(await pngOf(captionedCanvas(canvas, caption)), `${safeFileName(fileName, 'chart')}.png`)
}
