import { chromium } from '@playwright/test'
import { test, expect } from './fixtures'

const SHOTS = process.env.CXDESK_SHOTS

/**
 * A survey designed in the app, collected through the collection server (bound to 127.0.0.1) from
 * a phone-sized page at http://kiosk.shop:<port> — a name Chromium maps to 127.0.0.1, so the page is
 * NOT a secure context, as http://192.168.x.x in a shop is not: no crypto.randomUUID, no service worker.
 */
test('a phone answers a survey over plain http; the answer reaches the inbox and a low score raises the banner; answers queued while the laptop is away arrive once', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('link', { name: 'Surveys' }).click()
  await expect(page.getByRole('heading', { name: 'Surveys in the shop' })).toBeVisible()
  await expect(page.getByTestId('surveys-empty')).toBeVisible()
  await page.getByRole('button', { name: 'New survey' }).click()
  const form = page.getByTestId('survey-form')
  await form.getByLabel('Name', { exact: true }).fill('Counter, Hà Nội')
  await form.getByLabel('Shop name shown on the page').fill('Café Sông Trà')
  await form.getByLabel(/^Location/).fill('Hà Nội')
  await form.getByRole('button', { name: 'Create survey' }).click()
  await expect(page.getByRole('heading', { name: 'Survey: Counter, Hà Nội' })).toBeVisible()
  const token = ((await page.getByTestId('survey-link').locator('code').first().textContent()) ?? '').replace('/s/', '')
  expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/)

  const panel = page.getByTestId('collect-panel')
  await panel.getByLabel('Network').selectOption('127.0.0.1')
  await panel.getByRole('button', { name: 'Start collecting' }).click()
  const on = panel.getByText(/^Collecting on http:\/\/127\.0\.0\.1:\d+$/)
  await expect(on).toBeVisible()
  const port = Number(/:(\d+)$/.exec((await on.textContent()) ?? '')![1])

  const phoneBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP kiosk.shop 127.0.0.1'],
  })
  try {
    const phone = await phoneBrowser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' })
    const url = `http://kiosk.shop:${port}/s/${token}`
    await phone.goto(url)
    expect(await phone.evaluate(() => ({ secure: window.isSecureContext, uuid: typeof crypto.randomUUID, sw: 'serviceWorker' in navigator }))).toEqual({ secure: false, uuid: 'undefined', sw: false })
    await expect(phone.getByRole('heading', { name: 'How likely are you to recommend Café Sông Trà to a friend or colleague?' })).toBeVisible()
    await phone.getByRole('button', { name: 'Tiếng Việt' }).click()
    await expect(phone.getByRole('heading', { name: /Bạn có sẵn lòng giới thiệu Café Sông Trà/ })).toBeVisible()
    if (SHOTS) await phone.screenshot({ path: `${SHOTS}/kiosk-vi.png`, fullPage: true })
    await phone.getByRole('button', { name: 'Gửi' }).click()
    await expect(phone.getByRole('alert')).toHaveText('Hãy chọn một điểm trước.')
    await phone.getByRole('radio', { name: '3' }).tap()
    await phone.getByLabel('Bạn có muốn chia sẻ thêm điều gì không? (không bắt buộc)').fill('Phải chờ 20 phút mới có đồ uống')
    await phone.getByLabel('Email').fill('lan@example.com')
    await phone.getByRole('button', { name: 'Gửi' }).click()
    await expect(phone.getByRole('alert')).toHaveText('Hãy đánh dấu ô đồng ý để chúng tôi liên hệ, hoặc để trống thông tin liên hệ.')
    await phone.getByLabel(/Tôi đồng ý để Café Sông Trà liên hệ/).check()
    await phone.getByRole('button', { name: 'Gửi' }).click()
    await expect(phone.getByRole('heading', { name: 'Cảm ơn bạn!' })).toBeVisible()

    // The app, live: the banner for a low score, then the answer in the inbox.
    await expect(page.getByTestId('collection-alert')).toContainText('A low score just came in')
    await expect(page.getByTestId('collection-alert')).toContainText('Counter, Hà Nội: 3 at Hà Nội')
    await expect(page.getByTestId('collect-panel')).toContainText('1 answer since it started')

    // The laptop goes away: an answer waits on the phone, and arrives once when collection is back on the same port.
    await phone.close()
    await page.getByRole('button', { name: 'Stop collecting' }).click()
    await expect(panel.getByRole('button', { name: 'Start collecting' })).toBeVisible()
    await panel.getByLabel('Port').fill(String(port))
    await panel.getByRole('button', { name: 'Start collecting' }).click()
    await expect(on).toBeVisible()
    const tab = await phoneBrowser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'th-TH' })
    await tab.goto(url)
    await expect(tab.getByRole('heading', { name: /คุณมีแนวโน้มจะแนะนำ/ })).toBeVisible()
    if (SHOTS) await tab.screenshot({ path: `${SHOTS}/kiosk-th.png`, fullPage: true })
    await page.getByRole('button', { name: 'Stop collecting' }).click()
    await expect(panel.getByRole('button', { name: 'Start collecting' })).toBeVisible()
    await tab.getByRole('radio', { name: '10' }).tap()
    await tab.getByRole('button', { name: 'ส่ง' }).click()
    await expect(tab.getByRole('heading', { name: 'ขอบคุณ!' })).toBeVisible()
    await expect(tab.getByRole('status')).toHaveText('มี 1 คำตอบเก็บไว้ในอุปกรณ์นี้ จะส่งเมื่อการเชื่อมต่อกลับมา')
    await panel.getByRole('button', { name: 'Start collecting' }).click()
    await expect(on).toBeVisible()
    await expect(tab.getByRole('status')).toBeHidden({ timeout: 30_000 })
    await expect(page.getByTestId('collect-panel')).toContainText('1 answer since it started')
  } finally {
    await phoneBrowser.close()
  }

  if (SHOTS) await page.screenshot({ path: `${SHOTS}/surveys-en.png` })
  await page.getByRole('link', { name: 'Open in the inbox' }).first().click()
  await expect(page.getByText('Phải chờ 20 phút mới có đồ uống')).toBeVisible()
})
