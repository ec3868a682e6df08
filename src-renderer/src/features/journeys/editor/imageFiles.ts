import { MAX_IMAGE_CHARS } from '../../../../../src-shared/domain/journeys/model'

/**
 * A picture the user chose, made small enough to live in the workspace: drawn onto a canvas at
 * most `maxSide` pixels wide or high and encoded as JPEG (PNG for small drawings with transparency
 * would be larger). Rejects files that are not images.
 */
export async function imageFileToDataUrl(file: File, maxSide = 640): Promise<string> {
  if (!file.type.startsWith('image/')) throw new Error('not an image')
  const bitmap = await createImageBitmap(file)
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(bitmap.width * scale))
  canvas.height = Math.max(1, Math.round(bitmap.height * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no canvas')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  bitmap.close()
  for (const quality of [0.85, 0.7, 0.5, 0.35]) {
    const url = canvas.toDataURL('image/jpeg', quality)
    if (url.length <= MAX_IMAGE_CHARS) return url
  }
  throw new Error('image too large')
}
