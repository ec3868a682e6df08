import { chromium, type Page } from 'playwright-core'
import { join } from 'node:path'
import { rmSync, writeFileSync } from 'node:fs'
import type { Command } from '../../../src-shared/domain/journeys/commands'
import { newId } from '../../../src-shared/domain/journeys/ids'
import { newCard } from '../../../src-shared/domain/journeys/cards'
import { laneTypes, type Card } from '../../../src-shared/domain/journeys/model'
import { startApp, type RunningApp } from '../../e2e/fixtures'
import { createWorkspaceAt } from '../../helpers/files'
import { benchApp, median, type BenchSection } from '../harness'
import { frameWork } from '../frameWork'

const STAGES = 20
const LANES = 12
const CARDS = 600
const DRAGS = 4

/** 20 stages × 12 lanes (the card lanes repeated, plus an emotion and a live-scores lane) with 600 cards, as commands. */
function bigMapCommands(): Command[] {
  const commands: Command[] = []
  const steps: string[] = []
  for (let i = 0; i < STAGES; i++) {
    const stage = newId()
    const step = newId()
    steps.push(step)
    commands.push({ type: 'addStage', stage: { id: stage, name: `Stage ${i + 1}`, color: 'blue' }, step: { id: step, stageId: stage, name: '' } })
  }
  const cardLaneTypes = laneTypes.filter((t) => t !== 'emotion' && t !== 'scores')
  const lanes: string[] = []
  for (let i = 0; i < LANES - 2; i++) {
    const id = newId()
    lanes.push(id)
    commands.push({ type: 'addLane', lane: { id, type: cardLaneTypes[i % cardLaneTypes.length], name: `Lane ${i + 1}` } })
  }
  const emotion = newId()
  commands.push({ type: 'addLane', lane: { id: emotion, type: 'emotion', name: 'Emotions' } })
  commands.push({ type: 'addLane', lane: { id: newId(), type: 'scores', name: 'Live scores' } })
  steps.forEach((stepId, i) => commands.push({ type: 'setEmotion', laneId: emotion, stepId, value: ((i * 37) % 200) - 100 }))
  const cards: Card[] = []
  for (let i = 0; i < CARDS; i++)
    cards.push(newCard(lanes[i % lanes.length], steps[Math.floor(i / lanes.length) % steps.length], { text: `Card ${i + 1}: a customer action or a pain point with a few words` }))
  for (let i = 0; i < cards.length; i += 100) commands.push({ type: 'addCards', cards: cards.slice(i, i + 100) })
  return commands
}

async function call<T>(app: RunningApp, channel: string, payload: unknown): Promise<T> {
  const res = await fetch(`${app.origin}/api/invoke/${channel}`, { method: 'POST', headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' }, body: JSON.stringify(payload) })
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } }
  if (!body.ok) throw new Error(body.error?.message)
  return body.data
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] * 100) / 100
}

interface DragRecord {
  /** Frame-to-frame times, ms. */
  frames: number[]
  /** Durations of long animation frames (over 50 ms), ms. */
  loafs: number[]
  /** Null when the drop changed nothing. */
  dropToSavedMs: number | null
}

/**
 * Drags the map's first card to the right, across the columns in view, and drops it, marking every animation frame
 * from just before the pointer goes down to the last move with `performance.mark(markName)`.
 * Page scripts are passed as text: the bench's TypeScript runner adds helpers to compiled functions that the page does not have.
 */
async function dragOnce(page: Page, markName: string): Promise<DragRecord> {
  // Back to the top-left corner (the last drop may have scrolled the map), and let the drop's redraw settle.
  await page.evaluate("document.querySelector('.jm-editor .jm-viewport').scrollTo(0, 0)")
  await page.waitForTimeout(400)
  await page.evaluate(`(() => {
    window.__frames = []
    window.__loafs = []
    window.__recording = true
    window.__loafObserver = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__loafs.push(e.duration) })
    window.__loafObserver.observe({ type: 'long-animation-frame' })
    let last = performance.now()
    const tick = (t) => {
      if (!window.__recording) return
      performance.mark(${JSON.stringify(markName)})
      window.__frames.push(t - last)
      last = t
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
  const box = await page.locator('.jm-editor .jm-card').first().boundingBox()
  if (!box) throw new Error('no card')
  await page.mouse.move(box.x + 20, box.y + 10)
  await page.mouse.down()
  // 90 moves to near the window's right edge (where the map scrolls itself along), wobbling up and down.
  const [x0, y0, x1] = [box.x + 20, box.y + 10, 1300]
  for (let i = 1; i <= 90; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / 90, y0 + (i % 30) * 4)
  // Long animation frames are reported after the frame ends: give the last one a frame to arrive.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))')
  const { frames, loafs } = (await page.evaluate('(() => { window.__recording = false; window.__loafObserver.disconnect(); return { frames: window.__frames.slice(1), loafs: window.__loafs } })()')) as { frames: number[]; loafs: number[] }
  // The browser's whole round trip for the drop: local apply, request, store, answer — from the
  // pointer going up to the save status turning from "saving" back to "saved".
  await page.evaluate(`(() => {
    const status = document.querySelector('[data-testid="save-status"]')
    window.__saved = new Promise((resolve) => {
      let upAt = 0
      let saving = false
      window.addEventListener('pointerup', () => (upAt = performance.now()), { capture: true, once: true })
      // A drop that changes nothing (let go outside the map) is never saved.
      setTimeout(() => !saving && resolve(null), 3000)
      new MutationObserver((_, observer) => {
        if (status.dataset.state !== 'saved') saving = true
        else if (saving) {
          observer.disconnect()
          resolve(performance.now() - upAt)
        }
      }).observe(status, { attributes: true, attributeFilter: ['data-state'] })
    })
  })()`)
  await page.mouse.up()
  const dropToSavedMs = (await page.evaluate('window.__saved')) as number | null
  return { frames, loafs, dropToSavedMs }
}

/**
 * The journey editor in Chromium against the browser host: opening a 20 × 12 map with 600 cards,
 * frame times while a card is dragged across it, and how long storing one edit takes (in the
 * main process, and the browser's whole round trip).
 */
export const journeys: BenchSection = {
  name: 'journeys',
  async run({ dir }) {
    // Storing an edit, measured in-process on a workspace file (what journeys.apply costs the main process).
    const { ctx, api } = benchApp(dir)
    await createWorkspaceAt({ ctx, api }, join(dir, 'journeys.cxdesk'))
    const { id: localId } = await api.call('journeys.create', { name: 'Bench', template: 'blank', locale: 'en' })
    let revision = 0
    const blank = (await api.call('journeys.get', { id: localId })).doc
    for (const l of blank.lanes) revision = (await api.call('journeys.apply', { id: localId, baseRevision: revision, commands: [{ type: 'deleteLane', id: l.id }] })).revision
    for (const s of blank.stages) revision = (await api.call('journeys.apply', { id: localId, baseRevision: revision, commands: [{ type: 'deleteStage', id: s.id }] })).revision
    revision = (await api.call('journeys.apply', { id: localId, baseRevision: revision, commands: bigMapCommands() })).revision
    const doc = (await api.call('journeys.get', { id: localId })).doc
    const stepIds = doc.steps.map((s) => s.id)
    let k = 0
    const persistEditMs = await median(101, async () => {
      const c = doc.cards[k % doc.cards.length]
      k++
      revision = (await api.call('journeys.apply', { id: localId, baseRevision: revision, commands: [{ type: 'moveCards', ids: [c.id], laneId: c.laneId, stepId: stepIds[k % stepIds.length] }] })).revision
    })
    await ctx.session.close()

    // The browser: the same map through the host, the editor in Chromium.
    const home = join(dir, 'home')
    const app = await startApp({ home })
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
    try {
      const { id } = await call<{ id: string }>(app, 'journeys.create', { name: 'Bench', template: 'blank', locale: 'en' })
      const start = await call<{ doc: typeof doc; revision: number }>(app, 'journeys.get', { id })
      const removeAll: Command[] = [...start.doc.lanes.map((l) => ({ type: 'deleteLane' as const, id: l.id })), ...start.doc.stages.map((s) => ({ type: 'deleteStage' as const, id: s.id }))]
      await call(app, 'journeys.apply', { id, baseRevision: 0, commands: removeAll })
      const big = bigMapCommands()
      for (let i = 0, rev = 1; i < big.length; i += 150, rev++) await call(app, 'journeys.apply', { id, baseRevision: rev, commands: big.slice(i, i + 150) })

      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
      await page.goto(app.url)
      await page.waitForSelector('.sidenav')
      const openMs: number[] = []
      for (let i = 0; i < 6; i++) {
        await page.evaluate("window.location.hash = '#/journeys'")
        await page.waitForSelector('.jm-list-head')
        openMs.push(
          (await page.evaluate(`new Promise((resolve) => {
            const t0 = performance.now()
            window.location.hash = '#/journeys?map=${id}'
            const check = () => (document.querySelectorAll('.jm-card').length >= 600 ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(check))
            check()
          })`)) as number,
        )
      }

      // Drag a card across the map and drop it, DRAGS times without tracing (frame-to-frame times and
      // long animation frames) and DRAGS times with a Chromium trace (the main thread's work in each frame).
      const untraced: DragRecord[] = []
      for (let d = 0; d < DRAGS; d++) untraced.push(await dragOnce(page, `jm-frame-u${d}`))
      const markNames = Array.from({ length: DRAGS }, (_, d) => `jm-frame-t${d}`)
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] })
      const traced: DragRecord[] = []
      for (const name of markNames) traced.push(await dragOnce(page, name))
      const trace = await browser.stopTracing()
      // JOURNEYS_TRACE=file keeps the trace, to see in DevTools (Performance, Load profile) what the long frames did.
      if (process.env.JOURNEYS_TRACE) writeFileSync(process.env.JOURNEYS_TRACE, trace)
      const work = frameWork(trace, markNames)
      const workFrames = markNames.flatMap((n) => work.get(n)?.frames ?? [])
      const frames = untraced.flatMap((r) => r.frames)
      return {
        map: { stages: STAGES, lanes: LANES, cards: CARDS },
        openMapMs: { median: pct(openMs.slice(1), 0.5), max: pct(openMs.slice(1), 1), first: Math.round(openMs[0]) },
        drags: DRAGS,
        // requestAnimationFrame to requestAnimationFrame, untraced drags: 16.7 ms is vsync (no frame missed), however little the frame did.
        dragFrameMs: {
          frames: frames.length,
          p50: pct(frames, 0.5),
          p95: pct(frames, 0.95),
          max: pct(frames, 1),
          missedFrames: frames.filter((f) => f > 25).length,
          longestPerDrag: untraced.map((r) => Math.round(Math.max(...r.frames))),
        },
        // PerformanceObserver 'long-animation-frame' (frames over 50 ms) during the untraced drags, from pointer down to the last move.
        longAnimationFrames: {
          count: untraced.reduce((n, r) => n + r.loafs.length, 0),
          longestPerDrag: untraced.map((r) => Math.round(Math.max(0, ...r.loafs))),
        },
        // Traced drags: the renderer main thread's busy time (all tasks) between one animation frame and the next.
        dragFrameWorkMs: {
          frames: workFrames.length,
          p50: pct(workFrames, 0.5),
          p95: pct(workFrames, 0.95),
          max: pct(workFrames, 1),
          over16: workFrames.filter((f) => f > 16).length,
          longestPerDrag: markNames.map((n) => Math.round(Math.max(0, ...(work.get(n)?.frames ?? [])))),
          longestTaskPerDrag: markNames.map((n) => Math.round(work.get(n)?.longestTask ?? 0)),
        },
        persistEditMs,
        dropToSavedMs: pct(
          [...untraced, ...traced].flatMap((r) => (r.dropToSavedMs === null ? [] : [r.dropToSavedMs])),
          0.5,
        ),
        dropsSaved: [...untraced, ...traced].filter((r) => r.dropToSavedMs !== null).length,
        note: 'Chromium headless with --disable-gpu on a shared 2-core machine; other work on the machine inflates these.',
      }
    } finally {
      await browser.close()
      await app.stop()
      rmSync(home, { recursive: true, force: true })
    }
  },
}
