import { createWriteStream, rmSync } from 'node:fs'
import { HttpError } from './respond'

/**
 * A file being written from a request, with backpressure: `write` returns a promise while the disk
 * is behind. A write error (a full disk) is remembered and reported by the next call, never left
 * as an unhandled stream event.
 */
export function uploadFile(path: string) {
  const file = createWriteStream(path)
  let error: Error | null = null
  const closed = new Promise<void>((resolve) => file.once('close', () => resolve()))
  file.on('error', (e) => (error ??= e))
  const failure = () => new HttpError(500, `Could not save the uploaded file: ${error?.message}`, true)
  return {
    write(chunk: Buffer): void | Promise<void> {
      if (error) throw failure()
      if (file.write(chunk)) return
      return new Promise<void>((resolve, reject) => {
        const settle = () => {
          file.off('drain', settle)
          file.off('close', settle)
          if (error) reject(failure())
          else resolve()
        }
        file.on('drain', settle)
        file.on('close', settle)
      })
    },
    async finish(): Promise<void> {
      if (error) throw failure()
      file.end()
      await closed
      if (error) throw failure()
    },
    /** Stops writing and removes what was written. */
    async discard(): Promise<void> {
      file.destroy()
      await closed
      rmSync(path, { force: true })
    },
  }
}
