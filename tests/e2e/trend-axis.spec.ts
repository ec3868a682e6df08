import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { demoYearPattern, monthRange, rangeQuery, yearRange } from './demoDates'

/** The labels the trend chart shows on its time axis, with their extents (written by TrendChart on its canvas). */
async function axisTicks(page: Page, testId: string): Promise<Array<{ text: string; left: number; right: number }>> {
  const canvas = page.getByTestId(testId).locator('canvas[data-x-ticks]').first()
  await expect(canvas).toHaveAttribute('data-x-ticks', /\[/)
  return JSON.parse((await canvas.getAttribute('data-x-ticks'))!)
}

async function openScores(page: Page, url: string, query: string) {
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.evaluate((q) => (window.location.hash = `#/scores${q}`), query)
  await expect(page.getByTestId('scores-page')).toBeVisible()
}

/** No two labels overlap, and at least 12 px (less rounding) separate neighbours. */
function expectApart(ticks: Array<{ left: number; right: number }>) {
  for (let i = 1; i < ticks.length; i++) expect(ticks[i].left - ticks[i - 1].right).toBeGreaterThanOrEqual(11.5)
}

for (const [locale, name] of [
  ['en-GB', 'en'],
  ['vi-VN', 'vi'],
  ['th-TH', 'th'],
] as const) {
  test.describe(`trend axis (${name})`, () => {
    test.use({ locale, viewport: { width: 1280, height: 900 } })

    test('a month is labelled by day and a year by short month, the labels never overlapping', async ({ page, app }) => {
      await openScores(page, app.url, `?by=day&${rangeQuery(monthRange(11))}`)
      const days = await axisTicks(page, 'trend-nps')
      expect(days.length).toBeGreaterThan(3)
      // The first label names the month ("1 Nov", or "Nov 2" when the demo, which ends today, has no
      // answer on the 1st); the rest are day numbers.
      expect(days[0].text).toMatch(/\d/)
      expect(days[0].text).not.toMatch(/^\d{1,2}$/)
      for (const t of days.slice(1)) expect(t.text).toMatch(/^\d{1,2}$/)
      expectApart(days)
      await page.getByTestId('trend-nps').screenshot({ path: `/work/shots/report15-axis-day-${name}.png` })

      await openScores(page, app.url, `?by=month&${rangeQuery(yearRange())}`)
      // The month chart replaced the day chart: its first label names a year.
      await expect.poll(async () => (await axisTicks(page, 'trend-nps'))[0]?.text).toMatch(demoYearPattern)
      const months = await axisTicks(page, 'trend-nps')
      // A card a third of the window wide holds a label every few months.
      expect(months.length).toBeGreaterThanOrEqual(3)
      // Year at the first label only (all in one year); the others short month names without digits of a year.
      expect(months[0].text).toMatch(demoYearPattern)
      for (const t of months.slice(1)) expect(t.text).not.toMatch(demoYearPattern)
      expectApart(months)
      await page.getByTestId('trend-nps').screenshot({ path: `/work/shots/report15-axis-month-${name}.png` })

      // Another width: the labels are laid out again, still apart.
      await page.setViewportSize({ width: 900, height: 900 })
      await openScores(page, app.url, `?by=day&${rangeQuery(monthRange(11))}`)
      await expect.poll(async () => (await axisTicks(page, 'trend-nps'))[0]?.text).not.toMatch(demoYearPattern)
      expectApart(await axisTicks(page, 'trend-nps'))
    })
  })
}
