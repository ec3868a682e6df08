import { test, expect } from './fixtures'

/** A new user's file: answers in March 2025 and October 2025 only, imported long after (the host runs on today's clock). */
const FILE = [
  'Ngày;Điểm giới thiệu;Kênh',
  ...Array.from({ length: 12 }, (_, i) => `2025-03-${String(3 + i).padStart(2, '0')};${i % 3 === 0 ? 4 : 10};store`),
  ...Array.from({ length: 12 }, (_, i) => `2025-10-${String(3 + i).padStart(2, '0')};${i % 2 === 0 ? 9 : 8};app`),
].join('\r\n')

test('after importing 2025 files the first view shows the data, and an empty view says where it is', async ({ page, app }) => {
  // An import and two dashboards on a shared two-core machine.
  test.slow()
  await page.goto(app.url)
  await page.getByRole('button', { name: /Workspace/ }).click()
  await page.getByRole('menuitem', { name: 'New workspace…' }).click()
  await page.getByLabel('Workspace name').fill('First view')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'First view' })).toBeVisible()

  await page.getByRole('link', { name: 'Import', exact: true }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose a file…' }).click()
  await (await chooser).setFiles({ name: 'nam-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) })
  await page.getByRole('button', { name: 'Check the file' }).click()
  await page.getByRole('button', { name: 'Import 24 rows' }).click()
  // The import says what it is doing from its first moment, then that it is done.
  await expect(page.getByTestId('import-progress').or(page.getByText('Imported 24 new responses from nam-2025.csv.'))).toBeVisible()
  await expect(page.getByText('Imported 24 new responses from nam-2025.csv.')).toBeVisible({ timeout: 60_000 })

  // The Overview: October 2025, the last complete month with data — not the empty month holding today.
  await page.getByRole('link', { name: 'Overview' }).click()
  await expect(page.getByTestId('tiles-period')).toContainText('Oct 2025')
  await expect(page.getByTestId('tile-nps')).toContainText('n = 12')
  await expect(page.getByTestId('tile-nps').locator('.tile-value')).toHaveAttribute('data-value', '50')
  await expect(page.getByTestId('data-span')).toHaveCount(0)

  // The Scores page opens on the twelve months up to October 2025, with the whole range as one figure beside the trend.
  await page.getByRole('link', { name: 'Scores', exact: true }).click()
  await expect(page.getByTestId('tiles-period')).toContainText('Oct 2025')
  await expect(page.getByTestId('overall-nps')).toContainText('n = 24')
  await expect(page.getByTestId('ces-scale')).toContainText(/Scale 1–\d/)

  // A range without answers says where the data is, and one click shows it.
  await page.evaluate(() => (window.location.hash = '#/scores?by=month&from=2026-01-01&to=2026-06-30'))
  const notice = page.getByTestId('data-span')
  await expect(notice).toContainText('Your data runs from Mar 2025 to Oct 2025.')
  await notice.getByRole('button', { name: 'Show it' }).click()
  await expect(page).toHaveURL(/from=2025-03-01&to=2025-10-31/)
  await expect(page.getByTestId('tile-nps')).toContainText('n = 12')
  await expect(page.getByTestId('overall-nps')).toContainText('n = 24')
})

test('your name can be changed in settings, not only asked once', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('link', { name: 'Score settings' }).click()
  const form = page.getByTestId('your-name')
  await form.getByLabel('Your name').fill('Lan Nguyễn')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByText('Saved: from now on, changes are recorded as Lan Nguyễn.')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('your-name').getByLabel('Your name')).toHaveValue('Lan Nguyễn')
})
