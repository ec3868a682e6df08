import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'

/** Each toolbar group's controls sit on one line (a group wraps to the next row whole, never split). */
async function groupsWhole(page: Page) {
  const groups = page.getByRole('toolbar').locator('.jm-group')
  const count = await groups.count()
  expect(count).toBe(5)
  for (let i = 0; i < count; i++) {
    const tops = await groups.nth(i).evaluate((g) => Array.from(g.children).map((c) => c.getBoundingClientRect()).map((r) => Math.round(r.top + r.height / 2)))
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(2)
  }
}

async function box(l: Locator) {
  const b = (await l.boundingBox())!
  return { width: Math.round(b.width), height: Math.round(b.height) }
}

for (const [locale, name] of [
  ['en-GB', 'en'],
  ['vi-VN', 'vi'],
  ['th-TH', 'th'],
] as const) {
  test.describe(`journey editor toolbar (${name})`, () => {
    test.use({ locale, viewport: { width: 1000, height: 800 } })

    test('groups wrap whole and Export PDF keeps its label and width while the PDF is made', async ({ page, app }) => {
      test.setTimeout(180_000)
      await page.goto(app.url)
      await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
      await page.evaluate(() => (window.location.hash = '#/journeys'))
      await page.getByRole('link', { name: 'Morning order – as is' }).click()
      const toolbar = page.getByRole('toolbar')
      await expect(toolbar).toBeVisible()
      await groupsWhole(page)
      for (const width of [1280, 800]) {
        await page.setViewportSize({ width, height: 800 })
        await groupsWhole(page)
      }
      await page.setViewportSize({ width: 1000, height: 800 })
      await toolbar.screenshot({ path: `/work/shots/report15-toolbar-${name}.png` })
      const pdf = toolbar.locator('button[aria-busy]')
      const label = await pdf.textContent()
      const before = await box(pdf)
      expect(before.height).toBeLessThan(40)
      const downloading = page.waitForEvent('download', { timeout: 150_000 })
      await pdf.click()
      await expect(pdf).toHaveAttribute('aria-busy', 'true')
      expect(await pdf.textContent()).toBe(label)
      expect(await box(pdf)).toEqual(before)
      await toolbar.screenshot({ path: `/work/shots/report15-toolbar-busy-${name}.png` })
      await downloading
      await expect(pdf).toHaveAttribute('aria-busy', 'false')
      expect(await box(pdf)).toEqual(before)
    })
  })
}
