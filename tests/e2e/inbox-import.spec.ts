import { test, expect } from './fixtures'

/** A store's own spreadsheet: semicolons, day-first dates that read two ways, a comment column the app cannot name by itself. */
const STORE_CSV = [
  'Ngày;Điểm giới thiệu;Ghi chú khách;Kênh',
  '3/4/2025;2;Giao hàng trễ, đá tan hết;delivery',
  '5/4/2025;10;Nhân viên rất dễ thương;store',
  '6/4/2025;4;ส่งช้ามาก น้ำแข็งละลายหมด;delivery',
  '7/4/2025;9;กาแฟอร่อยมาก;store',
  '8/4/2025;6;App hay bị lỗi khi thanh toán;app',
  '9/4/2025;8;Ổn;store',
].join('\r\n')

test('import through the mapping step, search Thai and Vietnamese, follow up a detractor until it leaves the follow-up view', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByRole('button', { name: /Workspace/ }).click()
  await page.getByRole('menuitem', { name: 'New workspace…' }).click()
  await page.getByLabel('Workspace name').fill('Inbox check')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox check' })).toBeVisible()

  // The mapping step: preview, a column to map by hand, and a date order to choose.
  await page.getByRole('link', { name: 'Import', exact: true }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose a file…' }).click()
  await (await chooser).setFiles({ name: 'cua-hang.csv', mimeType: 'text/csv', buffer: Buffer.from(STORE_CSV) })
  await expect(page.getByTestId('mapping-table')).toContainText('Nhân viên rất dễ thương')
  await page.getByLabel('Holds: Ghi chú khách').selectOption('comment')
  await expect(page.getByTestId('date-order')).toContainText('3/4/2025')
  await expect(page.getByRole('button', { name: 'Check the file' })).toBeDisabled()
  await page.getByLabel('Read dates like 3/4/2025 as').selectOption('dmy')
  await page.getByRole('button', { name: 'Check the file' }).click()
  await expect(page.getByTestId('import-check')).toContainText('6 new, ready to import')
  await page.getByRole('button', { name: 'Import 6 rows' }).click()
  await expect(page.getByText('Imported 6 new responses from cua-hang.csv.')).toBeVisible()
  await page.getByRole('link', { name: 'Open the inbox' }).click()
  await expect(page.getByTestId('inbox-count')).toHaveText('6 items')

  // Full-text search: a Thai word inside unspaced text, a Vietnamese phrase typed without diacritics.
  const search = page.getByLabel('Search comments', { exact: true })
  await search.fill('ละลาย')
  await search.press('Enter')
  await expect(page.getByTestId('inbox-count')).toHaveText('1 item')
  await expect(page.getByTestId('inbox-list')).toContainText('ส่งช้ามาก น้ำแข็งละลายหมด')
  await search.fill('giao hang tre')
  await search.press('Enter')
  await expect(page.getByTestId('inbox-count')).toHaveText('1 item')
  await expect(page.getByTestId('inbox-list')).toContainText('Giao hàng trễ, đá tan hết')
  await page.getByRole('button', { name: 'Clear filters' }).click()

  // Detractors only, by the filter menu.
  await page.getByLabel('Add a filter').selectOption('band')
  await page.getByLabel('Score group').selectOption('poor')
  await expect(page.getByTestId('inbox-count')).toHaveText('3 items')
  expect(page.url()).toContain('band=poor')

  // The follow-up view holds the same three; assign and resolve one.
  await page.getByRole('button', { name: 'Needs follow-up' }).click()
  await expect(page.getByTestId('inbox-count')).toHaveText('3 items')
  await page.getByTestId('inbox-list').getByText('App hay bị lỗi khi thanh toán').click()
  const detail = page.getByTestId('detail')
  await detail.getByLabel('Owner').fill('Lan (Quận 1)')
  await detail.getByRole('button', { name: 'Assign' }).click()
  // The first action asks who is working (there are no accounts).
  await page.getByRole('textbox', { name: 'Your name' }).fill('Minh')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByTestId('inbox-list')).toContainText('→ Lan (Quận 1)')
  await detail.getByRole('button', { name: 'Resolved' }).click()
  await expect(detail.getByTestId('status-by')).toContainText('Resolved by Minh')
  await expect(detail).toContainText('Resolved in')
  await expect(page.getByTestId('inbox-count')).toHaveText('2 items')
  await expect(page.getByTestId('inbox-list')).not.toContainText('App hay bị lỗi khi thanh toán')

  // The change can be undone.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('inbox-count')).toHaveText('3 items')
})

test('filters arrive in the URL, as charts link to the inbox, and the count is exact', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.evaluate(() => (window.location.hash = '#/inbox?channel=app&band=poor'))
  const count = page.getByTestId('inbox-count')
  await expect(count).toHaveText(/^\d[\d,]* items?$/)
  const n = Number((await count.getAttribute('data-count')) ?? '-1')
  expect(n).toBeGreaterThan(0)
  await expect(page.locator('.chip')).toHaveCount(2)
  // Keyboard: j opens the first item, e resolves it, and it leaves the list of open detractors once filtered by status.
  await page.evaluate(() => (window.location.hash = '#/inbox?channel=app&band=poor&status=new'))
  await expect(page.locator('.chip')).toHaveCount(3)
  await expect(page.getByTestId('inbox-list').locator('.inbox-row').first()).toBeVisible()
  const before = Number((await count.getAttribute('data-count')) ?? '0')
  expect(before).toBeGreaterThan(0)
  await page.keyboard.press('j')
  await expect(page.getByTestId('detail')).toBeVisible()
  await page.keyboard.press('e')
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ploy')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(count).toHaveAttribute('data-count', String(before - 1))
})
