import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

/**
 * Where Chromium-family browsers live on each platform. The CLI and the browser host print
 * reports through one of them (the desktop app prints with Electron's own Chromium).
 */
export function browserCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const fromEnv = [env.CXDESK_BROWSER, env.CHROMIUM_PATH].filter((p): p is string => Boolean(p))
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((p): p is string => Boolean(p))
    return [
      ...fromEnv,
      ...roots.flatMap((root) => [
        join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        join(root, 'Chromium', 'Application', 'chrome.exe'),
      ]),
    ]
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', join(env.HOME ?? '', 'Applications')]
    return [
      ...fromEnv,
      ...apps.flatMap((dir) => [
        join(dir, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
        join(dir, 'Chromium.app/Contents/MacOS/Chromium'),
        join(dir, 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'),
      ]),
    ]
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable']
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin', '/snap/bin']
  return [...fromEnv, ...dirs.flatMap((dir) => names.map((n) => join(dir, n)))]
}

/** The first installed Chromium, Chrome or Edge, or null. */
export function findChromiumBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists = existsSync): string | null {
  return browserCandidates(env, platform).find((p) => exists(p)) ?? null
}
