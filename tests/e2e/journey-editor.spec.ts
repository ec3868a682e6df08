import AxeBuilder from '@axe-core/playwright'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { test, expect, startApp, type RunningApp } from './fixtures'

/** Calls the app's API the way the renderer does (for checking what the UI shows against the workspace). */
async function api<T>(app: RunningApp, channel: string, payload: unknown): Promise<T> {
  const res = await fetch(`${app.origin}/api/invoke/${channel}`, { method: 'POST', headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' }, body: JSON.stringify(payload) })
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } }
  if (!body.ok) throw new Error(body.error?.message)
  return body.data
}

/** No serious or critical accessibility problems (contrast included) on what is on screen. */
async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).analyze()
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([])
}

const cellOf = (card: Locator) => card.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " jm-cell ")][1]')

async function pointerDrag(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox()
  const b = await to.boundingBox()
  if (!a || !b) throw new Error('not visible')
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
  await page.mouse.down()
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 5, { steps: 3 })
  await page.mouse.move(b.x + b.width / 2, b.y + b.height - 12, { steps: 12 })
  await page.mouse.up()
}

const waitSaved = (page: Page) => expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved')

/** Local date in the zone the e2e host runs in, n days ago. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })

test('a consultant builds a map from a Vietnamese template, edits it, undoes, and finds it again after a restart', async ({ page }) => {
  const first = await startApp()
  await page.goto(first.url)
  await page.getByLabel('Language').selectOption('vi')
  await page.getByRole('link', { name: 'Hành trình khách hàng' }).click()
  await expect(page.getByRole('heading', { name: 'Bản đồ hành trình khách hàng' })).toBeVisible()
  await expectAccessible(page)

  // Create a map from the 5 Es template; its texts come in the UI language.
  await page.getByRole('button', { name: '+ Tạo bản đồ hành trình' }).click()
  await page.getByText('Mô hình 5E', { exact: true }).click()
  await page.getByLabel('Tên bản đồ').fill('Hành trình thử nghiệm')
  await expect(page.getByLabel('Ngôn ngữ của nội dung mẫu')).toHaveValue('vi')
  await page.getByRole('button', { name: 'Tạo', exact: true }).click()
  await expect(page.getByLabel('Tên bản đồ')).toHaveValue('Hành trình thử nghiệm')
  const stageNames = page.getByLabel('Tên giai đoạn')
  await expect(stageNames).toHaveCount(5)
  await expect(stageNames.nth(0)).toHaveValue('Lôi kéo')
  await expect(stageNames.nth(4)).toHaveValue('Mở rộng')
  const mapId = new URL(page.url()).hash.split('map=')[1]
  await expectAccessible(page)

  // Add a stage.
  await page.getByRole('button', { name: '+ Giai đoạn' }).click()
  await expect(stageNames).toHaveCount(6)
  await expect(stageNames.nth(5)).toHaveValue('Giai đoạn mới')
  // The new stage was scrolled into view with the cursor in its name; back to the map's start.
  await expect(stageNames.nth(5)).toBeFocused()
  await page.keyboard.press('Escape')
  await page.locator('.jm-viewport').evaluate((el) => el.scrollTo({ left: 0 }))

  // Drag a card from the first stage to the third.
  const moving = page.getByRole('button', { name: 'Thấy quảng cáo hoặc nghe bạn bè giới thiệu' })
  const target = cellOf(page.getByRole('button', { name: 'Sử dụng sản phẩm hoặc dịch vụ' }))
  await pointerDrag(page, moving, target)
  await expect(target.getByRole('button', { name: 'Thấy quảng cáo hoặc nghe bạn bè giới thiệu' })).toBeVisible()

  // Draw the emotion curve: drag the second point to the top, nudge the third with the keyboard.
  const point2 = page.getByRole('slider', { name: 'Cảm xúc ở Bước 2' })
  await expect(point2).toHaveAttribute('aria-valuenow', '0')
  await point2.scrollIntoViewIfNeeded()
  const box = await point2.boundingBox()
  if (!box) throw new Error('no point')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2, box.y - 40, { steps: 5 })
  await page.mouse.move(box.x + box.width / 2, box.y - 400, { steps: 5 })
  await page.mouse.up()
  await expect(point2).toHaveAttribute('aria-valuenow', '100')

  // Link a touchpoint to the feedback and see its live NPS.
  await page.getByRole('button', { name: 'Quầy phục vụ' }).dblclick()
  await expect(page.getByRole('complementary', { name: 'Thẻ' })).toBeVisible()
  await page.getByLabel('Điểm chạm trong phản hồi').selectOption('Store counter')
  const chip = page.getByTestId('live-score')
  await expect(chip).toHaveCount(1)
  await expect(chip).toContainText('NPS')
  const series = await api<{ rows: { group: string; value: number; n: number }[] }>(first, 'metrics.series', {
    metric: 'nps',
    dim: 'touchpoint',
    filter: { from: daysAgo(364), to: daysAgo(0), touchpoint: ['Store counter'] },
  })
  const nps = series.rows[0]
  expect(nps.n).toBeGreaterThan(30)
  await expect(chip).toContainText(`n = ${nps.n}`)
  await expect(chip).toContainText(`NPS ${nps.value > 0 ? '+' : ''}${Math.round(nps.value)}`)
  await expectAccessible(page)

  // Undo twice: the link, then the emotion point.
  await page.getByRole('button', { name: 'Đóng' }).first().click()
  await page.getByRole('button', { name: '↶ Hoàn tác' }).click()
  await expect(chip).toHaveCount(0)
  await page.getByRole('button', { name: '↶ Hoàn tác' }).click()
  await expect(point2).toHaveAttribute('aria-valuenow', '0')
  await expect(stageNames).toHaveCount(6)
  await expect(target.getByRole('button', { name: 'Thấy quảng cáo hoặc nghe bạn bè giới thiệu' })).toBeVisible()
  await waitSaved(page)
  const left = await api<{ doc: unknown; revision: number }>(first, 'journeys.get', { id: mapId })

  // Restart the app on the same data folder and find the map as it was left.
  await first.stop()
  const second = await startApp({ home: first.home })
  try {
    await page.goto(second.url)
    await page.goto(`${second.origin}/#/journeys?map=${mapId}`)
    await expect(page.getByLabel('Tên bản đồ')).toHaveValue('Hành trình thử nghiệm')
    await expect(stageNames).toHaveCount(6)
    await expect(target.getByRole('button', { name: 'Thấy quảng cáo hoặc nghe bạn bè giới thiệu' })).toBeVisible()
    await expect(page.getByRole('slider', { name: 'Cảm xúc ở Bước 2' })).toHaveAttribute('aria-valuenow', '0')
    await expect(page.getByTestId('live-score')).toHaveCount(0)
    expect(await api(second, 'journeys.get', { id: mapId })).toEqual(left)

    // Export the map as PNG and look at it.
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Xuất PNG' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('Hành trình thử nghiệm.png')
    const png = readFileSync(await file.path())
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    const width = png.readUInt32BE(16)
    const height = png.readUInt32BE(20)
    expect(width).toBeGreaterThan(2000)
    expect(height).toBeGreaterThan(1000)
    await file.saveAs(test.info().outputPath('journey-map.png'))
    // Decode it in the page and check it is a drawn map, not a blank canvas: the first stage's band is purple.
    const seen = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
      const c = document.createElement('canvas')
      c.width = bitmap.width
      c.height = bitmap.height
      const ctx = c.getContext('2d') as CanvasRenderingContext2D
      ctx.drawImage(bitmap, 0, 0)
      const data = ctx.getImageData(0, 0, c.width, c.height).data
      let nonWhite = 0
      for (let i = 0; i < data.length; i += 4 * 97) if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) nonWhite++
      return { nonWhiteShare: nonWhite / (data.length / (4 * 97)) }
    }, png.toString('base64'))
    expect(seen.nonWhiteShare).toBeGreaterThan(0.05)
  } finally {
    await second.stop()
  }
})

test('the demo map: live scores open the inbox, keyboard moves, versions side by side, presentation', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('link', { name: 'Journey maps' }).click()
  await page.getByRole('link', { name: 'Morning order – as is' }).click()
  await expect(page.getByLabel('Map name')).toHaveValue('Morning order – as is')
  await waitSaved(page)

  // Every linked touchpoint shows its score; the heat map colours them.
  await expect(page.getByTestId('live-score')).toHaveCount(10)
  await expect(page.locator('.jm-card.jm-heat-good, .jm-card.jm-heat-neutral, .jm-card.jm-heat-poor').first()).toBeVisible()
  await expect(page.locator('.jm-curve-actual')).toBeVisible()

  // Keyboard: pick a card up with Space, move it one cell right, drop it; Alt+← brings it back.
  const card = page.getByRole('button', { name: 'Sees a friend’s post about the new drink' })
  const before = await cellOf(card).getAttribute('data-step-id')
  const cardMoves = page.getByTestId('card-move-announcer')
  await card.focus()
  await page.keyboard.press('Space')
  await expect(cardMoves).toContainText('is over Customer actions, Discover')
  await expect(page.locator('.jm-drop-over')).toHaveAttribute('data-step-id', before ?? '')
  await page.keyboard.press('ArrowRight')
  await expect(cardMoves).toContainText('is over Customer actions, Order – In store')
  await page.keyboard.press('Space')
  await expect(cardMoves).toContainText('dropped in Customer actions, Order – In store')
  await expect.poll(() => cellOf(card).getAttribute('data-step-id')).not.toBe(before)
  await expect(card).toBeFocused()
  await expect(page.locator('.jm-drop-over, .jm-dragging, .jm-drag-preview')).toHaveCount(0)
  await card.click()
  await page.keyboard.press('Alt+ArrowLeft')
  await expect.poll(() => cellOf(card).getAttribute('data-step-id')).toBe(before)

  // Stages move with the keyboard too: pick the handle up, move right, drop; Ctrl+Z puts it back.
  const announced = page.locator('[id^="DndLiveRegion"]')
  const stageOrder = () => page.getByLabel('Stage name').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
  await page.getByRole('button', { name: 'Move stage Discover' }).focus()
  await page.keyboard.press('Space')
  await expect(announced).toContainText('is over')
  // The announcement can come before the keyboard sensor listens (a loaded CI machine swallowed the
  // first ArrowRight): press again until the stage is over Order, stepping back if it went past.
  await expect(async () => {
    const now = (await announced.textContent()) ?? ''
    if (!now.includes('place of Order')) await page.keyboard.press(now.includes('place of Discover') ? 'ArrowRight' : 'ArrowLeft')
    await expect(announced).toContainText('is over the place of Order', { timeout: 3_000 })
  }).toPass({ timeout: 30_000 })
  await page.keyboard.press('Space')
  await expect.poll(stageOrder).toEqual(['Order', 'Discover', 'Receive', 'Enjoy', 'Support'])
  await page.keyboard.press('Control+z')
  await expect.poll(stageOrder).toEqual(['Discover', 'Order', 'Receive', 'Enjoy', 'Support'])

  // Copy, paste and delete with the keyboard, undoable.
  await card.click()
  await page.keyboard.press('Control+c')
  await page.keyboard.press('Control+v')
  await expect(page.getByRole('button', { name: /Sees a friend’s post about the new drink/ })).toHaveCount(2)
  await page.keyboard.press('Delete')
  await expect(page.getByRole('button', { name: /Sees a friend’s post about the new drink/ })).toHaveCount(1)
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('button', { name: /Sees a friend’s post about the new drink/ })).toHaveCount(2)

  // Versions side by side, with the differences counted.
  await page.getByRole('link', { name: 'Compare side by side' }).click()
  await expect(page.getByTestId('compare-summary')).toContainText('To-be compared with as-is: 1 card added, 3 removed')
  await expect(page.getByRole('region', { name: 'Other version: Morning order – to be' })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Stop comparing' }).click()

  // Presentation mode, stage by stage.
  await page.getByRole('button', { name: 'Present' }).click()
  const show = page.getByRole('dialog', { name: 'Presenting Morning order – as is' })
  await expect(show).toBeVisible()
  await expect(show).toContainText('1 of 6')
  await page.keyboard.press('ArrowRight')
  await expect(show.getByRole('heading', { name: 'Discover' })).toBeVisible()
  await expect(show).toContainText('2 of 6')
  await page.keyboard.press('Escape')
  await expect(show).toBeHidden()

  // A live score opens the inbox on exactly the responses behind it: the inbox counts its n.
  const chip = page.getByTestId('live-score').filter({ hasText: 'Store counter' })
  const n = Number((await chip.locator('.jm-score-n').innerText()).replace(/\D/g, ''))
  expect(n).toBeGreaterThan(0)
  await chip.click()
  await expect(page).toHaveURL(/#\/inbox\?/)
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', String(n))
  const params = new URLSearchParams(new URL(page.url()).hash.split('?')[1])
  expect(params.getAll('touchpoint')).toEqual(['Store counter'])
  expect(params.getAll('metric')).toEqual(['nps'])
  expect(params.get('from')).toBe(daysAgo(364))
  expect(params.get('to')).toBe(daysAgo(0))
})

test('cards dragged with the pointer: a selection moves together to where it is let go; Escape or letting go outside cancels; a narrow window scrolls the map, not the page', async ({ page, app }) => {
  await page.setViewportSize({ width: 1000, height: 800 })
  await page.goto(app.url)
  await page.getByRole('link', { name: 'Journey maps' }).click()
  await page.getByRole('link', { name: 'Morning order – as is' }).click()
  await expect(page.getByLabel('Map name')).toHaveValue('Morning order – as is')
  await waitSaved(page)
  const cardMoves = page.getByTestId('card-move-announcer')
  const cardIn = (text: string) => page.locator('.jm-editor .jm-viewport .jm-card', { hasText: text })
  const textsIn = (cell: Locator) => cell.locator('.jm-card .jm-card-text').allInnerTexts()
  const queue = cardIn('Queues and orders at the counter')
  const rush = cardIn('15-minute queue at rush hour')
  const fanpage = cardIn('Fanpage / Zalo / LINE')
  const queueCell = await cellOf(queue).getAttribute('data-step-id')
  const leftOver = page.locator('.jm-drop-over, .jm-dragging, .jm-drag-preview')
  /** Presses on a card (the map scrolled back to its corner) and moves past the drag threshold; returns where the card was. */
  const pickUp = async (card: Locator) => {
    await page.evaluate(() => (window.scrollTo(0, 0), document.querySelector('.jm-editor .jm-viewport')?.scrollTo(0, 0)))
    const box = await card.boundingBox()
    if (!box) throw new Error('not visible')
    await page.mouse.move(box.x + 20, box.y + 10)
    await page.mouse.down()
    await page.mouse.move(box.x + 30, box.y + 16, { steps: 3 })
    await expect(page.locator('.jm-drag-preview')).toHaveCount(1)
    return box
  }

  // Select two cards in different lanes; drag one of them onto the top half of a card in another cell.
  await queue.click()
  await rush.click({ modifiers: ['Shift'] })
  await pickUp(queue)
  await expect(page.locator('.jm-drag-preview .jm-overlay-count')).toHaveText('2')
  // The card to drop on sits near the window's lower edge (the toolbar takes several rows at 1000 px),
  // where a drag scrolls the map, for longer on a loaded machine, and may carry it under the sticky
  // stage names, where nothing can be dropped. So: rest the pointer in the middle of the map's part in
  // the window until the map stops scrolling, scroll the map (not the page) to bring the card's top part
  // there, away from the scrolling edges, aim at it, and check the editor's own announcement; again
  // until it says so.
  const map = page.locator('.jm-editor .jm-viewport')
  const settled = () => map.evaluate((el) => new Promise<number>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(el.scrollTop + el.scrollLeft * 1e6)))))
  await expect(async () => {
    const area = await visibleMapArea(page, inCells)
    const middle = area.y + area.height / 2
    await page.mouse.move(area.x + area.width / 2, middle, { steps: 1 })
    await expect.poll(async () => (await settled()) === (await settled()), { timeout: 5_000 }).toBe(true)
    await fanpage.evaluate((el, middle) => {
      const scroller = el.closest('.jm-viewport')
      const card = el.getBoundingClientRect()
      if (scroller) scroller.scrollTop += card.top + Math.min(8, card.height / 4) - middle
    }, middle)
    const now = await fanpage.boundingBox()
    if (!now) throw new Error('not visible')
    await page.mouse.move(now.x + 20, now.y + Math.min(8, now.height / 4), { steps: 1 })
    await expect(cardMoves).toContainText('is over Touchpoints, Discover', { timeout: 1_000 })
    await expect(cellOf(fanpage)).toHaveClass(/jm-drop-over/, { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  await expect(page.locator('.jm-editor .jm-drop-over')).toHaveCount(1)
  await page.mouse.up()
  await expect(cardMoves).toContainText('Queues and orders at the counter dropped in Touchpoints, Discover')
  const target = cellOf(fanpage)
  const before = ['Fanpage / Zalo / LINE', 'Website']
  // Both selected cards land together, in their order, in the cell they were let go on (the editor
  // announced it above), the cell's own cards keeping theirs. Where in the cell depends on where the
  // pointer was when the map's autoscroll stopped, which a loaded machine moves: any place will do.
  const moved = ['Queues and orders at the counter', '15-minute queue at rush hour']
  await expect
    .poll(async () => {
      const texts = await textsIn(target)
      const at = texts.indexOf(moved[0])
      const together = at >= 0 && texts[at + 1] === moved[1]
      const rest = texts.filter((t) => !moved.includes(t))
      return together && texts.length === moved.length + before.length && JSON.stringify(rest) === JSON.stringify(before)
    })
    .toBe(true)
  await expect(leftOver).toHaveCount(0)
  // The drag did not turn into a click: both cards are still selected.
  await expect(page.locator('.jm-editor .jm-card.jm-selected')).toHaveCount(2)
  await waitSaved(page)
  await page.keyboard.press('Control+z')
  await expect.poll(() => textsIn(target)).toEqual(before)
  await expect.poll(() => cellOf(queue).getAttribute('data-step-id')).toBe(queueCell)
  await waitSaved(page)

  // A click (no movement) still selects just that card.
  await fanpage.click()
  await expect(page.locator('.jm-editor .jm-card.jm-selected')).toHaveCount(1)

  // Escape cancels a drag: nothing moves, nothing is saved, nothing stays highlighted.
  const undo = page.getByRole('button', { name: '↶ Undo' })
  const redo = page.getByRole('button', { name: '↷ Redo' })
  await expect(redo).toBeEnabled()
  const a = await pickUp(queue)
  const b = await fanpage.boundingBox()
  if (!b) throw new Error('not visible')
  await page.mouse.move(b.x + 20, b.y + 10, { steps: 10 })
  await expect(page.locator('.jm-editor .jm-drop-over')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await expect(cardMoves).toContainText('Moving Queues and orders at the counter was cancelled')
  await expect(leftOver).toHaveCount(0)
  await page.mouse.move(b.x + 30, b.y + 20, { steps: 3 })
  await page.mouse.up()
  await expect(cellOf(queue)).toHaveAttribute('data-step-id', queueCell ?? '')
  // Redo is still there: no edit was made.
  await expect(redo).toBeEnabled()

  // Letting go outside the map (on the persona panel) cancels too.
  await pickUp(queue)
  const persona = await page.getByRole('button', { name: 'Edit persona' }).boundingBox()
  if (!persona) throw new Error('no persona panel')
  await page.mouse.move(persona.x - 200, persona.y + 10, { steps: 10 })
  await page.mouse.up()
  await expect(cardMoves).toContainText('Moving Queues and orders at the counter was cancelled')
  await expect(cellOf(queue)).toHaveAttribute('data-step-id', queueCell ?? '')
  await expect(redo).toBeEnabled()

  // Held near the right edge of a narrow window, the map scrolls along; the page does not, and the drop lands.
  const viewport = page.locator('.jm-editor .jm-viewport')
  const edge = await viewport.boundingBox()
  if (!edge) throw new Error('no map')
  const right = Math.min(edge.x + edge.width, 1000) - 8
  await pickUp(queue)
  await page.mouse.move(right, a.y + 20, { steps: 10 })
  await expect.poll(() => viewport.evaluate((el) => el.scrollLeft)).toBeGreaterThan(400)
  expect(await page.evaluate(() => window.scrollX)).toBe(0)
  await page.mouse.move(right - 150, a.y + 20, { steps: 3 })
  await page.mouse.up()
  await expect(cardMoves).toContainText('Queues and orders at the counter dropped in Customer actions')
  await expect.poll(() => cellOf(queue).getAttribute('data-step-id')).not.toBe(queueCell)
  await expect(undo).toBeEnabled()
})

type Box = { x: number; y: number; width: number; height: number }
const boxOf = async (l: Locator): Promise<Box> => {
  const b = await l.boundingBox()
  if (!b) throw new Error('not visible')
  return b
}
/** Whether b lies inside a (1 px of rounding allowed). */
const inside = (a: Box, b: Box) => b.x >= a.x - 1 && b.y >= a.y - 1 && b.x + b.width <= a.x + a.width + 1 && b.y + b.height <= a.y + a.height + 1
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
/**
 * The part of the window where the map's viewport shows its content: not under its sticky lane
 * names (on the left), nor, for cards, under the stage and step names (on top).
 */
async function visibleMapArea(page: Page, opts: { belowHeaders: boolean; rightOfLanes: boolean }): Promise<Box> {
  return page.locator('.jm-viewport').evaluate((el, { belowHeaders, rightOfLanes }) => {
    const v = el.getBoundingClientRect()
    const laneHead = el.querySelector('.jm-lane-head')?.getBoundingClientRect()
    const headers = Array.from(el.querySelectorAll('.jm-step, .jm-stage')).map((e) => e.getBoundingClientRect().bottom)
    const left = Math.max(0, rightOfLanes ? Math.max(v.left, laneHead?.right ?? v.left) : v.left)
    const top = Math.max(0, belowHeaders ? Math.max(v.top, ...headers) : v.top)
    const right = Math.min(v.right, window.innerWidth)
    const bottom = Math.min(v.bottom, window.innerHeight)
    return { x: left, y: top, width: right - left, height: bottom - top }
  }, opts)
}
/** Whether the element is where the map shows it, in the window. */
const shown = async (page: Page, l: Locator, where: { belowHeaders: boolean; rightOfLanes: boolean }) => inside(await visibleMapArea(page, where), await boxOf(l))
const header = { belowHeaders: false, rightOfLanes: true }
const laneName = { belowHeaders: true, rightOfLanes: false }
const inCells = { belowHeaders: true, rightOfLanes: true }

test('what is added comes into view and takes the focus; the card panel never covers the new card', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('link', { name: 'Journey maps' }).click()
  await page.getByRole('link', { name: 'Morning order – as is' }).click()
  await expect(page.getByLabel('Map name')).toHaveValue('Morning order – as is')
  await waitSaved(page)
  const viewport = page.locator('.jm-viewport')
  // The map is wider than the window, scrolled to its start.
  expect(await viewport.evaluate((el) => el.scrollWidth > el.clientWidth && el.scrollLeft === 0)).toBe(true)

  // + Stage: the new stage (at the end, off-screen) is scrolled to, with the cursor in its name.
  await page.getByRole('button', { name: '+ Stage' }).click()
  const stageNames = page.getByLabel('Stage name')
  const newStage = stageNames.last()
  await expect(newStage).toHaveValue('New stage')
  await expect(newStage).toBeFocused()
  await expect.poll(() => shown(page, newStage, header)).toBe(true)
  await page.keyboard.type('Loyalty')
  await page.keyboard.press('Enter')
  await expect(newStage).toHaveValue('Loyalty')

  // A step added from a stage's menu, far to the left now: scrolled back to, its name focused.
  await page.getByRole('button', { name: 'Stage actions: Discover' }).click()
  await page.getByRole('menuitem', { name: 'Split into steps (add a step)' }).click()
  const stepName = page.locator('.jm-step input:focus')
  await expect(stepName).toHaveCount(1)
  await expect.poll(() => shown(page, stepName, header)).toBe(true)
  await page.keyboard.press('Escape')

  // + Lane: the new lane (at the bottom) is scrolled to, its name focused.
  await page.getByRole('button', { name: '+ Lane' }).click()
  await page.getByRole('menuitem', { name: 'Pain points' }).click()
  const laneNames = page.getByLabel('Lane name')
  const newLane = laneNames.last()
  await expect(newLane).toHaveValue('Pain points')
  await expect(newLane).toBeFocused()
  await expect.poll(() => shown(page, newLane, laneName)).toBe(true)

  // A card added in the last column: the panel opens beside the map with the cursor in the card's
  // text, and the card stays in view, clear of the panel.
  const lastAdd = page.locator('.jm-viewport .jm-cell-pains').last().locator('.jm-add-card')
  await lastAdd.scrollIntoViewIfNeeded()
  await lastAdd.click()
  const panel = page.getByRole('complementary', { name: 'Card' })
  await expect(panel).toBeVisible()
  await expect(panel.getByLabel('Text')).toBeFocused()
  const newCard = page.locator('.jm-viewport .jm-cell-pains').last().locator('.jm-card')
  await expect(newCard).toHaveCount(1)
  await expect.poll(() => shown(page, newCard, inCells)).toBe(true)
  expect(overlaps(await boxOf(panel), await boxOf(newCard))).toBe(false)
  await page.keyboard.type('Queue at the till')
  await expect(newCard).toContainText('Queue at the till')
  await waitSaved(page)
})

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`presentation at ${size.width}×${size.height}: the overview is whole and every stage slide fills the screen`, async ({ page, app }) => {
    await page.setViewportSize(size)
    await page.goto(app.url)
    await page.getByRole('link', { name: 'Journey maps' }).click()
    await page.getByRole('link', { name: 'Morning order – as is' }).click()
    await expect(page.getByLabel('Map name')).toHaveValue('Morning order – as is')
    await expect(page.getByTestId('live-score')).toHaveCount(10)
    const show = page.getByRole('dialog', { name: 'Presenting Morning order – as is' })
    // Under a loaded CI machine one click on Present did not open the show: click until it is open.
    await expect(async () => {
      if (!(await show.isVisible())) await page.getByRole('button', { name: 'Present' }).click({ timeout: 3_000 })
      await expect(show).toBeVisible({ timeout: 3_000 })
    }).toPass({ timeout: 30_000 })
    await expect(show).toContainText('1 of 6')
    const body = show.locator('.jm-present-body')
    const slide = show.getByTestId('present-slide')
    /** The slide's box against the space under the header (its padding taken off). */
    const measure = async () => {
      const area = await body.evaluate((el) => {
        const r = el.getBoundingClientRect()
        const s = getComputedStyle(el)
        const pl = parseFloat(s.paddingLeft), pr = parseFloat(s.paddingRight), pt = parseFloat(s.paddingTop), pb = parseFloat(s.paddingBottom)
        return { x: r.x + pl, y: r.y + pt, width: r.width - pl - pr, height: r.height - pt - pb, scrolls: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 }
      })
      const box = await boxOf(slide)
      return { whole: inside(area, box) && !area.scrolls, fill: Math.max(box.width / area.width, box.height / area.height), widthFill: box.width / area.width }
    }
    // The overview: nothing cut off, nothing to scroll, and as large as the screen allows.
    await expect.poll(async () => (await measure()).whole).toBe(true)
    expect((await measure()).fill).toBeGreaterThan(0.95)
    for (let n = 2; n <= 6; n++) {
      await page.keyboard.press('ArrowRight')
      await expect(show).toContainText(`${n} of 6`)
      await expect.poll(async () => {
        const m = await measure()
        return m.whole && m.fill > 0.95
      }).toBe(true)
      // A stage of one or two steps is tall and narrow at the map's column width: its columns widen
      // so that the slide fills the width too, not only the height (the demo map's stages have one or two steps).
      await expect.poll(async () => (await measure()).widthFill).toBeGreaterThan(0.8)
    }
  })
}

test('the persona library: shared by maps, chosen on a map, edited once for all, deleted with undo; the list shows a thumbnail of each map', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('link', { name: 'Journey maps' }).click()
  // A thumbnail per map, drawn from the map: stage bands and card blocks.
  const thumbs = page.getByRole('img', { name: /^Outline of Morning order/ })
  await expect(thumbs).toHaveCount(2)
  await expect(thumbs.first()).toHaveAccessibleName(/Outline of Morning order – as is: 5 stages, \d+ cards/)
  expect(await thumbs.first().locator('rect').count()).toBeGreaterThan(20)

  // The demo's persona is one persona of the library, used by both versions.
  const library = page.getByRole('region', { name: 'Persona library' })
  const linh = library.getByRole('listitem', { name: 'Linh, office worker' })
  await expect(linh).toContainText('Used by 2 maps')
  await expectAccessible(page)

  // A new persona: the form takes the focus; saved, it is in the library, used by no map yet.
  await library.getByRole('button', { name: '+ New persona' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'New persona' })
  await expect(dialog.getByLabel('Name')).toBeFocused()
  await page.keyboard.type('Mai, student')
  await dialog.getByLabel('Quote').fill('Somewhere quiet to study.')
  await dialog.getByRole('button', { name: 'Save' }).click()
  const mai = library.getByRole('listitem', { name: 'Mai, student' })
  await expect(mai).toContainText('Used by 0 maps')
  await expect(mai).toBeFocused()

  // Chosen on the as-is map: the to-be map keeps Linh.
  await page.getByRole('link', { name: 'Morning order – as is' }).click()
  await expect(page.getByLabel('Map name')).toHaveValue('Morning order – as is')
  const persona = page.getByRole('region', { name: 'Persona' })
  await expect(persona.getByRole('heading', { name: 'Linh, office worker' })).toBeVisible()
  await persona.getByLabel('Persona from the library').selectOption({ label: 'Mai, student' })
  await expect(persona.getByRole('heading', { name: 'Mai, student' })).toBeVisible()
  await waitSaved(page)
  await page.getByRole('link', { name: '‹ All journey maps' }).click()
  await expect(mai).toContainText('Used by 1 map')
  await expect(linh).toContainText('Used by 1 map')

  // Edited in the library: the map shows the change.
  await mai.getByRole('button', { name: 'Edit: Mai, student' }).click()
  await page.getByRole('dialog', { name: 'Persona' }).getByLabel('Quote').fill('A quiet corner and good Wi-Fi.')
  await page.getByRole('dialog', { name: 'Persona' }).getByRole('button', { name: 'Save' }).click()
  await expect(mai).toContainText('A quiet corner and good Wi-Fi.')

  // Deleted with undo: gone from the library and the map, then back on both.
  await mai.getByRole('button', { name: 'Delete: Mai, student' }).click()
  await expect(mai).toHaveCount(0)
  await expect(library).toContainText('Persona “Mai, student” deleted.')
  await library.getByRole('button', { name: 'Undo' }).click()
  await expect(mai).toContainText('Used by 1 map')
  await page.getByRole('link', { name: 'Morning order – as is' }).click()
  await expect(persona.getByRole('heading', { name: 'Mai, student' })).toBeVisible()
  await expect(persona).toContainText('A quiet corner and good Wi-Fi.')

  // Removed from the map: undone from the notice.
  await persona.getByRole('button', { name: 'Remove from this map' }).click()
  await expect(persona).toContainText('No persona yet')
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(persona.getByRole('heading', { name: 'Mai, student' })).toBeVisible()
  await waitSaved(page)
})

test('Export PDF in the editor: the map alone, on landscape pages split by stages as the deliverable prints it, downloaded', async ({ page, app }, testInfo) => {
  test.setTimeout(180_000)
  await page.goto(app.url)
  await page.getByRole('link', { name: 'Journey maps' }).click()
  await page.getByRole('link', { name: 'Morning order – as is' }).click()
  await expect(page.getByLabel('Map name')).toHaveValue('Morning order – as is')
  const toolbar = page.getByRole('toolbar')
  const downloading = page.waitForEvent('download', { timeout: 150_000 })
  await toolbar.getByRole('button', { name: 'Export PDF' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/Morning order – as is.*\.pdf$/)
  await expect(page.getByTestId('map-pdf-done')).toContainText('Morning order – as is')
  const file = testInfo.outputPath('map.pdf')
  await download.saveAs(file)
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', file], { encoding: 'utf8' })
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])])
  // Every page landscape A4 (842 × 595 pt): the map alone, no portrait title page.
  expect(sizes.length).toBeGreaterThanOrEqual(2)
  for (const [w, h] of sizes) expect([Math.round(w), Math.round(h)]).toEqual([842, 595])
  const pages = sizes.map((_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '))
  // Split by stages as the deliverable's map section is (a part taller than its page goes on between
  // rows of cards): the first page starts part 1 with the persona above it, a later page part 2.
  const parts = Number(/part 1 of (\d+)/.exec(pages[0])?.[1])
  expect(parts).toBeGreaterThanOrEqual(2)
  expect(pages.slice(1).some((text) => text.includes(`part ${parts} of ${parts}`))).toBe(true)
  expect(pages[0]).toContain('Linh, office worker')
  expect(pages[0]).toContain('Morning order – as is')
  // No section heading or title block, and white-label like the deliverable.
  const all = pages.join(' ')
  expect(all).not.toContain('Journey maps')
  expect(all).not.toContain('CX Desk')
})

test('Export PNG: the emotion curves are drawn with their legend and every point’s value, in a PNG of the whole map', async ({ page, app }, testInfo) => {
  // Every text the page draws on a canvas, with the colour it is drawn in.
  await page.addInitScript(() => {
    const drawn: { text: string; color: string }[] = []
    ;(window as unknown as { __drawn: typeof drawn }).__drawn = drawn
    const fillText = CanvasRenderingContext2D.prototype.fillText
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
      drawn.push({ text: String(text), color: String(this.fillStyle) })
      return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth)
    }
  })
  await page.goto(app.url)
  await page.getByRole('link', { name: 'Journey maps' }).click()
  await page.getByRole('link', { name: 'Morning order – as is' }).click()
  await expect(page.getByTestId('live-score')).toHaveCount(10)
  // The values the editor shows on the team's curve.
  const values = await page.locator('.jm-viewport .jm-curve-value').allTextContents()
  expect(values.length).toBeGreaterThan(2)
  await page.evaluate(() => (window as unknown as { __drawn: unknown[] }).__drawn.splice(0))
  const downloading = page.waitForEvent('download')
  await page.getByRole('toolbar').getByRole('button', { name: 'Export PNG' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('Morning order – as is.png')
  const drawn = await page.evaluate(() => (window as unknown as { __drawn: { text: string; color: string }[] }).__drawn)
  const texts = drawn.map((d) => d.text)
  // The legend: each curve, the scale, and what the amber dots are.
  for (const legend of ['Imagined by the team', 'From customers’ scores']) expect(texts.some((t) => legend.startsWith(t) && t.length > 8)).toBe(true)
  expect(texts.join(' ')).toContain('Values from −100')
  expect(texts.join(' ')).toContain('Each amber dot')
  // Every value of the team's curve, in its colour; the customers' curve's values in theirs.
  const inColour = (color: string) => drawn.filter((d) => d.color === color).map((d) => d.text)
  for (const v of values) expect(inColour('#2b6cb0')).toContain(v.trim())
  expect(inColour('#975a16').filter((t) => /^[+−-]?\d+$/.test(t)).length).toBeGreaterThan(0)
  // A real PNG, as large as the map.
  const file = testInfo.outputPath('map.png')
  await download.saveAs(file)
  const png = readFileSync(file)
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  expect(png.readUInt32BE(16)).toBeGreaterThan(2000)
  expect(png.readUInt32BE(20)).toBeGreaterThan(1000)
})
