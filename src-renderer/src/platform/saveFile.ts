import { cleanFileName } from '../../../src-shared/domain/fileName'

/** A name every file system accepts (the app's one sanitiser), or the fallback when nothing is left. */
export function safeFileName(name: string, fallback: string): string {
  return cleanFileName(name, 180) || fallback
}

/** Saves a blob under a file name through the browser's download (the desktop shows its save dialog). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  // Some browsers read the URL after click() returns; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
