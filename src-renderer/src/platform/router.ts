import { useEffect, useState } from 'react'

/**
 * Hash routes (#/inbox?channel=app): they work the same under app:// in the desktop shell and
 * http:// in the browser, survive reloads, and let one page link to another with a filter.
 */
export interface Route {
  page: string
  params: URLSearchParams
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '')
  const q = raw.indexOf('?')
  const page = (q >= 0 ? raw.slice(0, q) : raw) || 'overview'
  return { page, params: new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '') }
}

export function hrefFor(page: string, params?: URLSearchParams): string {
  const query = params?.toString()
  return `#/${page}${query ? `?${query}` : ''}`
}

export function navigate(page: string, params?: URLSearchParams): void {
  window.location.hash = hrefFor(page, params)
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash))
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash))
    window.addEventListener('hashchange', update)
    return () => window.removeEventListener('hashchange', update)
  }, [])
  return route
}
