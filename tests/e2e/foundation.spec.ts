import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, ROOT, startApp } from './fixtures'

const FIXTURE = join(ROOT, 'tests/fixtures/generator-400.csv')

test('the first run opens the populated demo workspace', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await expect(page.getByText('2,600 responses')).toBeVisible()
  await expect(page.getByTestId('nps-overall')).toContainText(/Overall NPS [+−-]?\d/)
  await expect(page.locator('canvas')).toBeVisible()
  await page.getByRole('link', { name: 'Inbox' }).click()
  await expect(page.getByTestId('inbox-count')).toHaveText('2,600 items')
  // The token has been taken out of the address bar.
  expect(page.url()).not.toContain('token=')
})

test('the language switches between English, Vietnamese and Thai, and is remembered', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible()
  await page.getByLabel('Language').selectOption('vi')
  await expect(page.getByRole('link', { name: 'Tổng quan' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Chỉ số NPS theo tháng' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
  await expect(page.getByText('2.600 phản hồi')).toBeVisible()
  await page.getByLabel('Ngôn ngữ').selectOption('th')
  await expect(page.getByRole('link', { name: 'ภาพรวม' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'คะแนน NPS รายเดือน' })).toBeVisible()
  // Thai dates use the Buddhist era.
  await page.evaluate(() => (window.location.hash = '#/inbox'))
  await expect(page.getByTestId('inbox-list').locator('time').first()).toContainText('2569')
  await page.reload()
  await expect(page.getByRole('link', { name: 'ภาพรวม' })).toBeVisible()
})

test.describe('on a Thai system', () => {
  test.use({ locale: 'th-TH' })
  test('the first run follows the system language', async ({ page, app }) => {
    await page.goto(app.url)
    await expect(page.getByRole('link', { name: 'ภาพรวม' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'th')
  })
})

test('importing the generator CSV updates the NPS chart, and the CLI agrees with it', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: /Workspace/ }).click()
  await page.getByRole('menuitem', { name: 'New workspace…' }).click()
  await page.getByLabel('Workspace name').fill('Import check')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Import check' })).toBeVisible()
  await expect(page.getByText('No NPS responses yet')).toBeVisible()

  await page.getByRole('link', { name: 'Import', exact: true }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose a file…' }).click()
  await (await chooser).setFiles(FIXTURE)
  await expect(page.getByText('Recognised as a CX Desk generator export.')).toBeVisible()
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText('Imported 400 new responses from generator-400.csv.')).toBeVisible()
  await expect(page.getByText('400 responses')).toBeVisible()
  await page.getByRole('link', { name: 'Overview' }).click()
  await expect(page.locator('canvas')).toBeVisible()

  const nps = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'src-main/cli/cxdesk.cjs'), 'metrics', join(app.home, 'workspaces', 'Import check.cxdesk'), '--metric', 'nps', '--by', 'month', '--json'], { encoding: 'utf8', env: { ...process.env, CXDESK_HOME: app.home } }))
  await page.getByText('Show the numbers').click()
  const rows = page.getByTestId('nps-table').locator('tbody tr')
  await expect(rows).toHaveCount(nps.rows.length)
  for (const [i, r] of nps.rows.entries()) {
    const row = rows.nth(i)
    await expect(row).toHaveAttribute('data-period', r.period)
    await expect(row.locator('td[data-n]')).toHaveAttribute('data-n', String(r.n))
    await expect(row.locator('td[data-value]')).toHaveAttribute('data-value', String(r.value))
  }
  await expect(page.getByTestId('nps-overall')).toContainText(`n = ${nps.overall.n}`)

  // Importing the same file again adds nothing.
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  const again = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose a file…' }).click()
  await (await again).setFiles(FIXTURE)
  await page.getByRole('button', { name: 'Import with the saved mapping' }).click()
  await expect(page.getByText('400 were already in the workspace and were skipped.')).toBeVisible()
})

test('a bad file is reported in plain words and changes nothing', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByText('2,600 responses')).toBeVisible()
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose a file…' }).click()
  await (await chooser).setFiles({ name: 'stores.csv', mimeType: 'text/csv', buffer: Buffer.from('Store,Manager\nQuận 1,Lan\n') })
  await expect(page.getByRole('alert')).toContainText('Choose the column that holds the date of each response.')
  await expect(page.getByRole('button', { name: 'Check the file' })).toBeDisabled()
  await expect(page.getByText('2,600 responses')).toBeVisible()
})

test('workspaces can be closed, reopened from the start screen, and saved as a copy', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()

  await page.getByRole('button', { name: /Workspace/ }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: 'Save a copy…' }).click()
  const file = await (await download).path()
  expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3')

  await page.getByRole('button', { name: /Workspace/ }).click()
  await page.getByRole('menuitem', { name: 'Close workspace' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome to CX Desk' })).toBeVisible()
  await page.getByRole('button', { name: /Café Sông Trà \(demo\)/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
})

test('the app reopens the last workspace after a restart', async ({ page }) => {
  const first = await startApp()
  await page.goto(first.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('button', { name: /Workspace/ }).click()
  await page.getByRole('menuitem', { name: 'New workspace…' }).click()
  await page.getByLabel('Workspace name').fill('Second')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Second' })).toBeVisible()
  await first.stop()
  const second = await startApp({ home: first.home })
  await page.goto(second.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Second' })).toBeVisible()
  await second.stop()
})

test('API calls without the token are refused', async ({ page, app }) => {
  await page.goto(app.origin + '/')
  const status = await page.evaluate(async () => (await fetch('/api/invoke/workspace.current', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status)
  expect(status).toBe(401)
  await expect(page.getByRole('alert')).toContainText('not allowed to talk to CX Desk')
})
