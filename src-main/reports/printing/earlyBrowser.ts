import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The flags a printing browser needs and nothing more: headless, no GPU, none of the background
 * services (networking, component updates, sync), no first-run or default-browser prompts. Root
 * (containers, CI) cannot use Chromium's sandbox; the pages are our own, served on loopback.
 */
export function printingBrowserArgs(): string[] {
  const args = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check']
  return process.getuid?.() === 0 ? [...args, '--no-sandbox'] : args
}

/**
 * What the driver adds when it launches a browser itself and a browser started without it needs
 * too, so that both print alike: pages never treated as in the background (timers and animation
 * frames at full speed while the report is laid out), sRGB colours, no scrollbars, no sound, and
 * none of the extensions, default apps, crash reporter, field trials and start-up network queries.
 */
const DRIVER_LIKE_ARGS = [
  '--headless',
  '--no-startup-window',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--force-color-profile=srgb',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
  '--disable-component-extensions-with-background-pages',
  '--disable-default-apps',
  '--disable-breakpad',
  '--disable-field-trial-config',
  '--disable-features=OptimizationHints,NetworkTimeServiceQuerying,MediaRouter,PreconnectToSearch',
  '--metrics-recording-only',
  '--no-service-autorun',
  '--password-store=basic',
  '--use-mock-keychain',
]

/** A browser started by the process itself, reachable over the DevTools protocol. */
export interface EarlyBrowser {
  /** The browser's DevTools WebSocket address, once it listens. */
  endpoint: Promise<string>
}

/**
 * Starts a headless Chromium, Chrome or Edge at once, before the browser driver (playwright-core,
 * ~0.5 s of CPU to load) is loaded: the command line's report then has the browser starting while
 * Node loads the driver, opens the workspace and computes the figures. The driver connects to it
 * later (connectOverCDP). The browser lives until this process exits: at the exit its process
 * group is killed and its folder — its profile and the temporary folder it is given, where a killed
 * Chromium leaves its singleton socket's folder — is removed.
 */
export function startBrowserEarly(executablePath: string, timeoutMs = 60_000): EarlyBrowser {
  const dir = mkdtempSync(join(tmpdir(), 'cxdesk-browser-'))
  const child = spawn(executablePath, [...DRIVER_LIKE_ARGS, '--remote-debugging-port=0', `--user-data-dir=${join(dir, 'profile')}`, ...printingBrowserArgs()], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, TMPDIR: dir },
  })
  const end = () => {
    try {
      if (child.pid && child.exitCode === null) {
        process.kill(-child.pid, 'SIGKILL')
        untilDead(child.pid)
      }
    } catch {
      // Already gone.
    }
    rmSync(dir, { recursive: true, force: true })
  }
  process.once('exit', end)
  // The browser must not keep the process alive, nor its stderr pipe.
  child.unref()
  const endpoint = new Promise<string>((resolve, reject) => {
    let text = ''
    const timer = setTimeout(() => reject(new Error(`no DevTools address after ${timeoutMs / 1000} s`)), timeoutMs)
    timer.unref()
    child.stderr!.on('data', (d: Buffer) => {
      text += String(d)
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(text)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
        text = ''
      } else if (text.length > 65536) text = text.slice(-4096)
    })
    child.once('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`the browser exited (${signal ?? code}) before it listened: ${text.trim().slice(-500)}`))
    })
  })
  ;(child.stderr as unknown as { unref?: () => void }).unref?.()
  endpoint.catch(() => undefined)
  return { endpoint }
}

/**
 * Waits (synchronously: this runs in the process's 'exit' handler) until a killed process is dead or
 * a zombie, at most half a second. A SIGKILL is delivered asynchronously: a browser still writing
 * its profile for a few milliseconds after it was sent recreated the folder just removed (seen in
 * CI: a command refused at once left a cxdesk-browser-* folder). Linux only (/proc); elsewhere no wait.
 */
function untilDead(pid: number): void {
  const tick = new Int32Array(new SharedArrayBuffer(4))
  for (let waited = 0; waited < 500; waited += 5) {
    let state: string
    try {
      state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').charAt(0)
    } catch {
      return
    }
    if (state === 'Z' || state === 'X') return
    Atomics.wait(tick, 0, 0, 5)
  }
}
