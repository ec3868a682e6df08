import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'

/** The kiosk page as built (src-renderer/kiosk.html by electron-vite) and the only files it may load. */
export interface KioskPage {
  html: string
  /** /s/assets/<name> → its bytes and type: exactly the files the page references, nothing else of the app. */
  assets: Map<string, { type: string; bytes: Buffer }>
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' }

/**
 * Reads the kiosk page from the renderer's build folder. The collection server serves no folder:
 * only this page and the scripts and styles its HTML names (the entry and the chunks it preloads),
 * read once at start, so no path of a request ever reaches the file system.
 */
export function loadKioskPage(rendererDir: string): KioskPage {
  const built = readFileSync(join(rendererDir, 'kiosk.html'), 'utf8')
  const assets = new Map<string, { type: string; bytes: Buffer }>()
  // The build names its files relative to the page (./assets/…); the page is served at /s/<link>, so
  // they are served at /s/assets/<name>, and named so in the HTML whatever the page's address.
  const html = built.replace(/(src|href)="\.?\/assets\/([A-Za-z0-9._-]+)"/g, (whole, attr: string, file: string) => {
    const name = basename(file)
    const type = TYPES[name.slice(name.lastIndexOf('.'))]
    if (!type) return whole
    assets.set(`/s/assets/${name}`, { type, bytes: readFileSync(join(rendererDir, 'assets', name)) })
    return `${attr}="/s/assets/${name}"`
  })
  return { html, assets }
}
