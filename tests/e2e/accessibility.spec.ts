import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, ROOT } from './fixtures'

/** Every page of the app, as the navigation lists them (src-renderer/src/app/pages.tsx). */
const PAGES = ['overview', 'scores', 'inbox', 'themes', 'customers', 'journeys', 'reports', 'surveys', 'import', 'score-settings', 'privacy']

/** Serious and critical problems under WCAG 2 A and AA (contrast included) on what is on screen. */
async function problems(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where} ${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)
}

/** Opens a page and waits until it has settled: its content in the main area and nothing loading. */
async function open(page: Page, id: string) {
  await page.evaluate((hash) => (window.location.hash = hash), `#/${id}`)
  await expect(page.locator(`main#${id}`)).toBeVisible()
  await expect(page.locator('main .loading')).toHaveCount(0, { timeout: 30_000 })
}

test('the list above is every page of the navigation', () => {
  const source = readFileSync(join(ROOT, 'src-renderer/src/app/pages.tsx'), 'utf8')
  const ids = [...source.matchAll(/\{ id: '([a-z-]+)'/g)].map((m) => m[1])
  expect(ids.length).toBeGreaterThan(5)
  expect([...PAGES].sort()).toEqual([...ids].sort())
})

test('axe finds no serious or critical problem on any page, with the demo and with an empty workspace', async ({ page, app }) => {
  test.slow()
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const found: string[] = []
  for (const id of PAGES) {
    await open(page, id)
    if (id === 'inbox') {
      // With rows, and with one open in the detail pane.
      await expect(page.getByTestId('inbox-list').locator('.inbox-row').first()).toBeVisible()
      found.push(...(await problems(page, 'demo inbox')))
      await page.getByTestId('inbox-list').locator('.inbox-row-open').first().click()
      await expect(page.getByTestId('detail')).toBeVisible()
    }
    found.push(...(await problems(page, `demo ${id}`)))
  }

  // A new, empty workspace: every page's empty state.
  await page.getByRole('button', { name: /Workspace/ }).click()
  await page.getByRole('menuitem', { name: 'New workspace…' }).click()
  await page.getByLabel('Workspace name').fill('Empty')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Empty' })).toBeVisible()
  for (const id of PAGES) {
    await open(page, id)
    found.push(...(await problems(page, `empty ${id}`)))
  }
  expect(found).toEqual([])
})
