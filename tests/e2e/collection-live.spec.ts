import Database from 'better-sqlite3'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, ROOT } from './fixtures'

const SHOTS = process.env.CXDESK_SHOTS
const CLI = join(ROOT, 'src-main/cli/cxdesk.cjs')
/** A 1×1 PNG: the shop's logo. */
const LOGO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

function cxdesk(home: string, args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CXDESK_HOME: home } })
}

/** `cxdesk collect` in a process of its own; resolves with the address it prints. */
async function collect(home: string, ws: string, survey: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'collect', ws, '--survey', survey, '--host', '127.0.0.1', '--port', '0', '--kiosk'], {
    env: { ...process.env, CXDESK_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let err = ''
  child.stderr?.on('data', (d) => (err += String(d)))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (d) => {
      out += String(d)
      const m = /Collecting on (\S+)/.exec(out)
      if (m) resolve(m[1])
    })
    child.on('exit', (code) => reject(new Error(`cxdesk collect exited with ${code}: ${err}`)))
  })
  return { url, child }
}

async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGINT')
  await exited
}

test('answers collected by `cxdesk collect` in another process show in the open app without a reload; a logo uploaded in the app shows on its kiosk', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  const ws = join(app.home, 'Café Sông Trà (demo).cxdesk')

  // A survey made from the command line appears on the open Surveys screen.
  await page.getByRole('link', { name: 'Surveys' }).click()
  await expect(page.getByTestId('surveys-empty')).toBeVisible()
  const made = JSON.parse(cxdesk(app.home, ['survey', ws, 'create', '--name', 'Terrace', '--metric', 'nps', '--shop', 'Café Sông Trà', '--json'])) as { id: number }
  await expect(page.getByRole('button', { name: /^Terrace/ })).toBeVisible()

  await page.getByRole('link', { name: 'Inbox' }).click()
  const count = page.getByTestId('inbox-count')
  await expect(count).toHaveAttribute('data-count', /^\d+$/)
  const before = Number(await count.getAttribute('data-count'))

  const { url, child } = await collect(app.home, ws, String(made.id))
  try {
    const res = await fetch(`${url}/answers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'live-answer-0000000001', score: 2, language: 'en', comment: 'The terrace table was never cleared' }),
    })
    expect(res.status).toBe(201)
    // The app's own signal: its inbox count, refreshed because another process wrote the file.
    await expect(count).toHaveAttribute('data-count', String(before + 1))
    await expect(page.getByText('The terrace table was never cleared')).toBeVisible()

    // The logo, chosen in the app, is served by the other process's survey server from the same file.
    await page.getByRole('link', { name: 'Surveys' }).click()
    await page.getByRole('button', { name: /^Terrace/ }).click()
    await page.getByLabel('Choose an image…').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO })
    await expect(page.locator('.survey-logo-preview')).toBeVisible()
    const kiosk = await page.context().newPage()
    await kiosk.goto(url)
    const logo = kiosk.getByRole('img', { name: 'Café Sông Trà' })
    await expect(logo).toBeVisible()
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1)
    await kiosk.close()
  } finally {
    await stopped(child)
  }
})

test('the kiosk tells a refused answer in words and gives the form back; it starts over after the thank-you and when left half-answered', async ({ page }) => {
  const home = mkdtempSync(join(tmpdir(), 'cxdesk-kiosk-'))
  const ws = join(home, 'shop.cxdesk')
  cxdesk(home, ['init', ws])
  const made = JSON.parse(cxdesk(home, ['survey', ws, 'create', '--name', 'Counter', '--metric', 'csat', '--shop', 'Phở Hà Nội', '--json'])) as { id: number }
  const { url, child } = await collect(home, ws, String(made.id))
  try {
    // The page's timers (the reset after thanks, the idle reset) run on a clock the test moves.
    await page.clock.install()
    await page.goto(url)
    const question = page.getByRole('heading', { name: 'How satisfied are you with your visit to Phở Hà Nội today?' })
    await expect(question).toBeVisible()

    // Refused as too large (413): the person is told why and gets back what they wrote.
    await page.route('**/answers', (route) => route.fulfill({ status: 413, contentType: 'application/json', body: '{"ok":false,"error":"refused"}' }))
    await page.getByRole('radio', { name: '4' }).click()
    await page.getByLabel('Anything you would like to tell us? (optional)').fill('The phở was great but the wait was long')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByRole('alert')).toHaveText('Your answer is too long to be sent. Please shorten your comment and send it again.')
    await expect(page.getByLabel('Anything you would like to tell us? (optional)')).toHaveValue('The phở was great but the wait was long')
    await expect(page.getByRole('radio', { name: '4' })).toHaveAttribute('aria-checked', 'true')
    await expect(page.getByRole('status')).toBeHidden()

    // Sent again, accepted: thanks, and five seconds later a blank form for the next person.
    await page.unroute('**/answers')
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible()
    await page.clock.runFor(5_000)
    await expect(question).toBeVisible()
    await expect(page.getByRole('radio', { name: '4' })).toHaveAttribute('aria-checked', 'false')
    await expect(page.getByLabel('Anything you would like to tell us? (optional)')).toHaveValue('')

    // Someone starts in Vietnamese and walks away: after a minute untouched the kiosk is back to the start.
    await page.getByRole('button', { name: 'Tiếng Việt' }).click()
    await page.getByRole('radio', { name: '2' }).click()
    const comment = page.getByRole('textbox').first()
    await comment.fill('Bàn hơi bẩn')
    await page.clock.runFor(59_000)
    await expect(comment).toHaveValue('Bàn hơi bẩn')
    await page.clock.runFor(1_000)
    await expect(question).toBeVisible()
    await expect(page.getByLabel('Anything you would like to tell us? (optional)')).toHaveValue('')
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/kiosk-start.png` })
  } finally {
    await stopped(child)
  }
  // One answer stored: the refused one was not, the accepted one once.
  const db = new Database(ws, { readonly: true })
  try {
    expect(db.prepare('SELECT count(*) AS n FROM survey_answers').get()).toEqual({ n: 1 })
  } finally {
    db.close()
  }
  rmSync(home, { recursive: true, force: true })
})

test('QR posters and table cards as PDF, from the Surveys screen and from cxdesk survey poster', async ({ page, app }, testInfo) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  const ws = join(app.home, 'Café Sông Trà (demo).cxdesk')
  cxdesk(app.home, ['survey', ws, 'create', '--name', 'Terrace', '--metric', 'csat', '--shop', 'Café Sông Trà', '--location', 'Đà Nẵng', '--json'])
  await page.getByRole('link', { name: 'Surveys' }).click()
  const posterPanel = page.getByTestId('poster-panel')
  await expect(posterPanel).toContainText('Start collecting to see the QR code')
  await expect(posterPanel.getByRole('button', { name: 'Make PDF' })).toBeDisabled()

  const panel = page.getByTestId('collect-panel')
  await panel.getByLabel('Network').selectOption('127.0.0.1')
  await panel.getByRole('button', { name: 'Start collecting' }).click()
  const on = panel.getByText(/^Collecting on http:\/\/127\.0\.0\.1:\d+$/)
  await expect(on).toBeVisible()
  const base = ((await on.textContent()) ?? '').replace('Collecting on ', '')

  await posterPanel.getByLabel('Layout').selectOption('cards-a6')
  await posterPanel.getByLabel('Language').selectOption('vi')
  const downloading = page.waitForEvent('download', { timeout: 120_000 })
  await posterPanel.getByRole('button', { name: 'Make PDF' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('Terrace – table cards.pdf')
  const cards = testInfo.outputPath('cards.pdf')
  await download.saveAs(cards)
  await expect(page.getByTestId('poster-status')).toHaveText('Terrace – table cards.pdf was downloaded.')
  if (SHOTS) await posterPanel.screenshot({ path: `${SHOTS}/surveys-poster-panel.png` })
  const cardText = execFileSync('pdftotext', [cards, '-'], { encoding: 'utf8' })
  const token = ((await page.getByTestId('survey-link').locator('code').first().textContent()) ?? '').replace('/s/', '')
  // Four cards to the sheet, each with the question and steps in Vietnamese and the address of the running server.
  expect(cardText.split('Hướng camera điện thoại vào mã.').length - 1).toBe(4)
  expect(cardText).toContain('Bạn hài lòng thế nào với lần ghé Café Sông Trà hôm nay?'.slice(0, 20))
  expect(cardText.replace(/\s+/g, '')).toContain(`${base}/s/${token}`)
  expect(execFileSync('pdfinfo', [cards], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n[\s\S]*Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/)

  // From the command line, for the address cxdesk collect will listen on: an A4 poster in Thai.
  await page.getByTestId('collect-panel').getByRole('button', { name: 'Stop collecting' }).click()
  const poster = testInfo.outputPath('poster.pdf')
  const said = cxdesk(app.home, ['survey', ws, 'poster', '--survey', 'Terrace', '--out', poster, '--host', '192.168.1.20', '--port', '8080', '--language', 'th', '--json'])
  expect(JSON.parse(said)).toMatchObject({ path: poster, pages: 1 })
  const posterText = execFileSync('pdftotext', [poster, '-'], { encoding: 'utf8' })
  expect(posterText).toContain('เปิดกล้องโทรศัพท์แล้วส่องที่โค้ด')
  expect(posterText).toContain('Đà Nẵng')
  expect(posterText.replace(/\s+/g, '')).toContain(`http://192.168.1.20:8080/s/${token}`)
})
