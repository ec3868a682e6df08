import { safeFileName, saveBlob } from '../../platform/saveFile'

/** A chart's canvas as a PNG file. */
function pngOf(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The chart could not be drawn as an image.'))), 'image/png'))
}

/** Copies the chart to the clipboard as an image, ready to paste into a document or a chat. */
export async function copyChart(canvas: HTMLCanvasElement): Promise<void> {
  const blob = await pngOf(canvas)
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })])
}

/** Saves the chart as a PNG file (the browser's or the desktop's download). */
export async function saveChart(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  saveBlob(await pngOf(canvas), `${safeFileName(fileName, 'chart')}.png`)
}
