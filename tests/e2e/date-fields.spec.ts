import { test, expect } from './fixtures'

// Dates are typed in the app's language, not the browser's: this browser runs in English (en-US).
test('a Thai user types a Buddhist-era date in the inbox filter, and a wrong one is refused', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByLabel('Language').selectOption('th')
  await page.evaluate(() => (window.location.hash = '#/inbox'))
  const from = page.getByRole('textbox', { name: 'ตั้งแต่' })
  await expect(from).toHaveAttribute('placeholder', 'วว/ดด/ปปปป')

  await from.fill('31/02/2569')
  await from.press('Enter')
  await expect(page.getByRole('alert')).toContainText('พิมพ์วันที่ในรูปแบบ')
  await expect(from).toHaveAttribute('aria-invalid', 'true')
  expect(page.url()).not.toContain('from=')

  await from.fill('1/11/2569')
  await from.press('Enter')
  await expect(page).toHaveURL(/from=2026-11-01/)
  await expect(from).toHaveValue('01/11/2569')
  await expect(from).not.toHaveAttribute('aria-invalid', 'true')

  // The end of the range cannot come before its start.
  const to = page.getByRole('textbox', { name: 'ถึง' })
  await to.fill('31/10/2569')
  await to.press('Tab')
  await expect(page.getByRole('alert')).toContainText('01/11/2569')
  expect(page.url()).not.toContain('to=')
})

test('a Vietnamese user records a call with a day-first date and a 24-hour time', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByLabel('Language').selectOption('vi')
  await page.evaluate(() => (window.location.hash = '#/inbox'))
  await page.getByRole('button', { name: 'Thêm phản hồi…' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('textbox', { name: 'Ngày' }).fill('3/4/2026')
  await dialog.getByRole('textbox', { name: 'Giờ' }).fill('18h35')
  await dialog.getByLabel('Khách hàng nói gì').fill('Gọi điện: giao hàng trễ 40 phút.')
  await dialog.getByRole('button', { name: 'Thêm vào hộp phản hồi' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('detail')).toContainText('18:35 3 thg 4, 2026')
})
