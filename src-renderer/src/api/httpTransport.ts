import type { AppEvent } from '../../../src-shared/api/events'
import type { FileRef } from '../../../src-shared/api/files'
import type { Result } from '../../../src-shared/api/result'
import type { Transport } from './transportTypes'
import { saveBlob } from '../platform/saveFile'

const TOKEN_KEY = 'cxdesk.token'

/** The token arrives once in the URL printed by `npm run web`; it is kept for the tab and removed from the address bar. */
function takeToken(): string {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

const networkError = (message: string): Result<never> => ({ ok: false, error: { code: 'IO', message, details: { network: true } } })

export function httpTransport(): Transport {
  const token = takeToken()
  const auth = { authorization: `Bearer ${token}` }
  /** Fetches a file the host offers (with the token, which a plain link could not send) and saves it under its own name. */
  const download = async (path: string, fallbackName: string) => {
    const res = await fetch(path, { headers: auth })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    const disposition = res.headers.get('content-disposition') ?? ''
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? fallbackName)
    saveBlob(await res.blob(), name)
  }

  return {
    kind: 'web',
    async invoke(channel, payload) {
      let res: Response
      try {
        res = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(payload ?? {}),
        })
      } catch (e) {
        return networkError((e as Error).message)
      }
      try {
        return (await res.json()) as Result<unknown>
      } catch {
        return networkError(`HTTP ${res.status}`)
      }
    },

    subscribe(listener) {
      const controller = new AbortController()
      // EventSource cannot send the token header, so the stream is read with fetch.
      const connect = async (): Promise<void> => {
        while (!controller.signal.aborted) {
          try {
            const res = await fetch('/api/events', { headers: auth, signal: controller.signal })
            if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`)
            const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
            let buffer = ''
            for (;;) {
              const { value, done } = await reader.read()
              if (done) break
              buffer += value
              let cut: number
              while ((cut = buffer.indexOf('\n\n')) >= 0) {
                const block = buffer.slice(0, cut)
                buffer = buffer.slice(cut + 2)
                for (const line of block.split('\n')) if (line.startsWith('data: ')) listener(JSON.parse(line.slice(6)) as AppEvent)
              }
            }
          } catch {
            if (controller.signal.aborted) return
          }
          await new Promise((r) => setTimeout(r, 1_000))
        }
      }
      void connect()
      return () => controller.abort()
    },

    upload(file, onProgress) {
      // XMLHttpRequest, because fetch cannot report upload progress.
      return new Promise<FileRef>((resolve, reject) => {
        const xhr = new XMLHttpRequest()
        xhr.open('POST', `/api/files?name=${encodeURIComponent(file.name)}`)
        xhr.setRequestHeader('authorization', auth.authorization)
        xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.total)
        xhr.onload = () => {
          try {
            const body = JSON.parse(xhr.responseText) as Result<FileRef>
            if (body.ok) resolve(body.data)
            else reject(Object.assign(new Error(body.error.message), { code: body.error.code }))
          } catch {
            reject(new Error(`HTTP ${xhr.status}`))
          }
        }
        xhr.onerror = () => reject(Object.assign(new Error('network'), { code: 'IO' }))
        xhr.send(file)
      })
    },

    downloadWorkspaceCopy: () => download('/api/workspace/copy', 'workspace.cxdesk'),
    downloadReport: (id: string) => download(`/api/reports/download?id=${encodeURIComponent(id)}`, 'report.pdf'),
    downloadExport: (id: string) => download(`/api/export/download?id=${encodeURIComponent(id)}`, 'export.csv'),
  }
}
