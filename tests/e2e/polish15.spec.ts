import { mkdirSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'

const SHOTS = process.env.SHOTS_DIR
if (SHOTS) mkdirSync(SHOTS, { recursive: true })
const LANGUAGE = /^(Language|Ngôn ngữ|ภาษา)$/

async function chooseLanguage(page: Page, locale: 'en' | 'vi' | 'th') {
  await page.getByLabel(LANGUAGE).selectOption(locale)
  await expect(page.locator('html')).toHaveAttribute('lang', locale)
}

/**
 * The buttons whose label breaks over two lines: each one's height is compared with its height
 * when its text is forced onto one line.
 */
async function wrappedButtons(scope: Locator): Promise<string[]> {
  return scope.locator('button:visible').evaluateAll((buttons) =>
    buttons.flatMap((b) => {
      const el = b as HTMLElement
      const height = el.getBoundingClientRect().height
      const before = el.style.whiteSpace
      el.style.whiteSpace = 'nowrap'
      for (const child of Array.from(el.querySelectorAll<HTMLElement>('*'))) child.style.whiteSpace = 'nowrap'
      const oneLine = el.getBoundingClientRect().height
      el.style.whiteSpace = before
      for (const child of Array.from(el.querySelectorAll<HTMLElement>('*'))) child.style.whiteSpace = ''
      return height > oneLine + 1 ? [`${el.textContent?.trim()} (${Math.round(height)} px, one line ${Math.round(oneLine)} px)`] : []
    }),
  )
}

/** File inputs drawn larger than the 1-pixel box of a visually hidden element (the browser's own button would be). */
const shownFileInputs = (page: Page) => page.locator('input[type=file]').evaluateAll((inputs) => inputs.filter((i) => i.getBoundingClientRect().width > 1).length)

test('the inbox toolbar keeps every view button on one line at 1280 and 1024 px in English, Vietnamese and Thai', async ({ page, app }) => {
  test.slow()
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('link', { name: 'Inbox' }).click()
  await expect(page.getByTestId('inbox-list').locator('.inbox-row').first()).toBeVisible()
  for (const locale of ['en', 'vi', 'th'] as const) {
    await chooseLanguage(page, locale)
    // The follow-up views carry their counts: wait for them so that the labels are final.
    await expect(page.getByTestId('view-overdue').locator('.view-count')).toHaveAttribute('data-count', /^\d+$/)
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 })
      const toolbar = page.locator('.inbox-toolbar')
      const summary = page.locator('.inbox-summary')
      await expect(toolbar).toBeVisible()
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/themes15-inbox-${locale}-${width}.png` })
      expect(await wrappedButtons(toolbar), `${locale} ${width}`).toEqual([])
      expect(await wrappedButtons(summary), `${locale} ${width}`).toEqual([])
      // Each group of views wraps as a whole: its buttons share one row.
      const groups = await toolbar.locator('.segmented').evaluateAll((gs) => gs.map((g) => new Set(Array.from(g.querySelectorAll('button')).map((b) => Math.round(b.getBoundingClientRect().top))).size))
      expect(groups.every((rows) => rows === 1), `${locale} ${width}: ${groups}`).toBe(true)
      // Nothing pushes the toolbar past the list, nor the detail pane narrower than its track.
      const overflow = await toolbar.evaluate((el) => el.scrollWidth - el.clientWidth)
      expect(overflow, `${locale} ${width}`).toBeLessThanOrEqual(0)
      const detail = await page.locator('.inbox-detail').boundingBox()
      expect(Math.round(detail?.width ?? 0), `${locale} ${width}`).toBe(420)
      // Each row's status stays inside its row.
      const statusOut = await page.locator('.inbox-row').evaluateAll((rows) => rows.filter((r) => { const s = r.querySelector('.status'); return s && s.getBoundingClientRect().right > r.getBoundingClientRect().right - 4 }).length)
      expect(statusOut, `${locale} ${width}`).toBe(0)
      // The list column's content stays left of the detail pane (nothing runs under it).
      const right = await page.locator('.inbox-main').evaluate((main) => Math.max(...Array.from(main.querySelectorAll('button, select, input, .inbox-row')).map((e) => e.getBoundingClientRect().right)))
      expect(right, `${locale} ${width}`).toBeLessThanOrEqual((detail?.x ?? 0) - 8)
    }
  }
})

test('file pickers are buttons in the UI language, on one line, that show the chosen file', async ({ page, app }) => {
  test.slow()
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()

  // The survey designer's logo.
  await page.getByRole('link', { name: 'Surveys' }).click()
  await page.getByRole('button', { name: 'New survey' }).first().click()
  await page.getByLabel('Name', { exact: true }).fill('Counter')
  await page.getByRole('button', { name: 'Create survey' }).click()
  const logo = page.locator('.survey-logo')
  await expect(logo).toBeVisible()
  for (const [locale, label] of [['vi', 'Chọn hình ảnh…'], ['th', 'เลือกรูปภาพ…'], ['en', 'Choose an image…']] as const) {
    await chooseLanguage(page, locale)
    await expect(logo.getByRole('button', { name: label })).toBeVisible()
    expect(await wrappedButtons(logo)).toEqual([])
    if (SHOTS && locale !== 'en') await logo.screenshot({ path: `${SHOTS}/themes15-survey-logo-${locale}.png` })
  }
  // No native "Choose File" / "No file chosen" anywhere: the file input itself is not shown.
  expect(await shownFileInputs(page)).toBe(0)
  await logo.locator('input[type=file]').setInputFiles({ name: 'shop-logo.png', mimeType: 'image/png', buffer: png })
  await expect(page.locator('.survey-logo-preview')).toBeVisible()
  await expect(logo.locator('.file-button-name')).toHaveText('shop-logo.png')

  // The report builder's client and consultant logos.
  await page.getByRole('link', { name: 'Reports' }).click()
  await page.getByRole('radio', { name: /Consultant deliverable/ }).check()
  const clientLogo = page.getByLabel('Client logo')
  await expect(clientLogo).toHaveAttribute('type', 'file')
  for (const [locale, label] of [['vi', 'Chọn hình ảnh…'], ['th', 'เลือกรูปภาพ…']] as const) {
    await chooseLanguage(page, locale)
    const field = page.locator('.field').filter({ has: page.locator('input[type=file]') })
    await expect(field.getByRole('button', { name: label })).toHaveCount(2)
    expect(await wrappedButtons(field)).toEqual([])
    if (SHOTS) await field.first().screenshot({ path: `${SHOTS}/themes15-report-logo-${locale}.png` })
  }
  expect(await shownFileInputs(page)).toBe(0)
})

test('the Themes page suggests whole words and phrases from the demo in every UI language', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('link', { name: 'Themes' }).click()
  const suggestions = page.locator('ul.suggestions > li strong')
  await expect(suggestions.first()).toBeVisible()
  const phrases = await suggestions.allTextContents()
  for (const bad of ['กาแฟเย็น อร่อยที่สุด', 'ขนมอบใหม่', 'khuyến mãi trên', 'trên app', 'giờ cao điểm chỉ có', 'nhớ cả món quen', 'barista gave', 'best salted', 'manager sorted']) expect(phrases).not.toContain(bad)
  for (const p of phrases) if (/^[\u0e00-\u0e7f]+$/.test(p)) expect([...p].length, p).toBeGreaterThan(2)
  for (const locale of ['en', 'vi', 'th'] as const) {
    await chooseLanguage(page, locale)
    await expect(suggestions.first()).toBeVisible()
    if (SHOTS) await page.locator('ul.suggestions').screenshot({ path: `${SHOTS}/themes15-suggestions-${locale}.png` })
  }
})
