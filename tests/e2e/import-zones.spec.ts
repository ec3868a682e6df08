import { test, expect } from './fixtures'

/** A Thai shop's export: no zone on its times, a customer column, phones written two ways. */
const SHOP_CSV = ['Date,NPS,Customer,Phone,Note', '31/01/2025 20:00,9,Somchai Jaidee,081-234-5678,x', '28/02/2025 20:00,3,Somchai Jaidee,+66 81 234 5678,y', '15/03/2025 09:00,10,Lan,,z'].join('\n')
const LANGUAGES = [{ locale: 'en' }, { locale: 'vi' }, { locale: 'th' }]

// A computer set to UTC, as in the issue.
test.use({ timezoneId: 'UTC' })

test('the zone is chosen when the workspace is made and for each import; an import is re-read in another zone and undone', async ({ page, app }, testInfo) => {
  await page.goto(app.url)
  const language = page.locator('.lang-switcher select')
  const newWorkspace = async () => {
    await page.locator('.menu > button[aria-haspopup="menu"]').click()
    await page.locator('.menu-list [role="menuitem"]').first().click()
  }
  for (const l of LANGUAGES) {
    await language.selectOption(l.locale)
    await newWorkspace()
    await expect(page.getByTestId('new-workspace-zone').locator('select')).toHaveValue('UTC')
    await page.getByTestId('new-workspace').screenshot({ path: testInfo.outputPath(`new-workspace-${l.locale}.png`) })
    await page.getByTestId('new-workspace').locator('.form-actions button').first().click()
  }
  await language.selectOption('en')

  // New workspace: this computer's zone is proposed; the shop is in Vietnam.
  await newWorkspace()
  await page.getByLabel('Workspace name').fill('Shop')
  const zone = page.getByTestId('new-workspace-zone')
  await expect(zone.locator('option').nth(0)).toHaveText('Asia/Ho_Chi_Minh')
  await expect(zone.locator('option').nth(1)).toHaveText('Asia/Bangkok')
  await zone.getByRole('searchbox').fill('ho chi')
  await zone.locator('select').selectOption('Asia/Ho_Chi_Minh')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Shop' })).toBeVisible()

  // The mapping step says in which zone times without one are read, and takes another for this file.
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  await expect(page.getByText('No imports yet.')).toBeVisible()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose a file…' }).click()
  await (await chooser).setFiles({ name: 'thai-shop.csv', mimeType: 'text/csv', buffer: Buffer.from(SHOP_CSV) })
  await expect(page.getByLabel('Holds: Customer')).toHaveValue('customerName')
  const mappingZone = page.getByTestId('mapping-zone')
  await expect(mappingZone.locator('select')).toHaveValue('Asia/Ho_Chi_Minh')
  await mappingZone.locator('select').selectOption('Asia/Bangkok')
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByTestId('import-check')).toContainText('3 new, ready to import')
  await page.getByRole('button', { name: 'Import 3 rows' }).click()
  await expect(page.getByText('Imported 3 new responses from thai-shop.csv.')).toBeVisible()

  // The inbox list names the customer as the detail pane does.
  await page.getByRole('link', { name: 'Open the inbox' }).click()
  await expect(page.getByTestId('inbox-list')).toContainText('Somchai Jaidee')
  await expect(page.getByTestId('inbox-list')).not.toContainText('Anonymous')

  // The history: file, rows, zone; re-read in another zone, then undo.
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  const history = page.getByTestId('import-history')
  await expect(history).toContainText('thai-shop.csv')
  await expect(history).toContainText('Asia/Bangkok')
  await history.getByRole('button', { name: 'Re-read in another zone…' }).click()
  await expect(page.getByRole('dialog')).toContainText('3 responses from this file had times written without a zone')
  await page.getByTestId('reread-zone').locator('select').selectOption('UTC')
  await page.getByRole('dialog').getByRole('button', { name: 'Re-read', exact: true }).click()
  await expect(page.getByText('3 responses moved')).toBeVisible()
  await expect(history).toContainText('UTC')
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(history).toContainText('Asia/Bangkok')
  // The undo says it was undone and offers no second Undo (which would only redo the re-read).
  await expect(page.getByText('Undone: times from thai-shop.csv without a zone are read in Asia/Bangkok again.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0)

  for (const l of LANGUAGES) {
    await language.selectOption(l.locale)
    await expect(history).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath(`import-history-${l.locale}.png`), fullPage: true })
    const pick = page.waitForEvent('filechooser')
    await page.locator('.import-choose button').click()
    await (await pick).setFiles({ name: 'thai-shop.csv', mimeType: 'text/csv', buffer: Buffer.from(SHOP_CSV) })
    await expect(page.getByTestId('mapping-zone')).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath(`mapping-${l.locale}.png`), fullPage: true })
    await page.locator('.form-actions button').first().click()
    await page.locator('a[href*="inbox"]').first().click()
    await expect(page.getByTestId('inbox-list')).toContainText('Somchai Jaidee')
    await page.screenshot({ path: testInfo.outputPath(`inbox-${l.locale}.png`) })
    await page.locator('a[href*="import"]').first().click()
  }
})
