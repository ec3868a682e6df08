import { test, expect } from './fixtures'

const SHOTS = process.env.CXDESK_SHOTS

test('a channel named in settings reads that way on the Scores page and in the inbox, per language', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('link', { name: 'Score settings' }).click()
  const form = page.getByTestId('channel-labels')
  const store = form.locator('form[data-code="store"]')
  // Before anyone names it, the built-in name is the placeholder.
  await expect(store.getByLabel('Name for channel store')).toHaveAttribute('placeholder', 'In store')
  await store.getByLabel('Name for channel store').fill('Counter & pick-up')
  await store.getByRole('button', { name: 'Save' }).click()
  await expect(store.getByText('Saved: store now reads “Counter & pick-up”.')).toBeVisible()
  // Clearing a name is refused in words (Reset goes back to the default), and the name stays.
  await store.getByLabel('Name for channel store').fill('   ')
  await store.getByRole('button', { name: 'Save' }).click()
  await expect(store.getByRole('alert')).toHaveText('A name cannot be empty. Type a name, or reset it to the default.')
  await store.getByLabel('Name for channel store').fill('Counter & pick-up')
  // The Vietnamese name is its own.
  await form.getByLabel('Names in').selectOption('vi')
  await expect(store.getByLabel('Name for channel store')).toHaveAttribute('placeholder', 'Tại cửa hàng')
  await store.getByLabel('Name for channel store').fill('Quầy')
  await store.getByRole('button', { name: 'Save' }).click()
  await expect(store.getByRole('button', { name: 'Reset to “Tại cửa hàng”' })).toBeVisible()
  if (SHOTS) await form.screenshot({ path: `${SHOTS}/settings-en.png` })

  await page.evaluate(() => (window.location.hash = '#/scores?by=month&from=2025-01-01&to=2025-12-31'))
  const breakdown = page.getByTestId('breakdown-channel')
  await expect(breakdown.locator('tr[data-group="store"] th')).toHaveText('Counter & pick-up')
  await expect(breakdown.locator('tr[data-group="app"] th')).toHaveText('Mobile app')
  if (SHOTS) await breakdown.screenshot({ path: `${SHOTS}/scores-en.png` })

  await page.evaluate(() => (window.location.hash = '#/inbox?channel=store'))
  await expect(page.locator('.chip').filter({ hasText: 'Counter & pick-up' })).toBeVisible()
  const row = page.locator('.inbox-row').first()
  await expect(row).toContainText('Counter & pick-up')
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/inbox-en.png` })

  // The same pages in Vietnamese use its name; Thai, where nobody named it, the built-in one.
  await page.getByLabel('Language').selectOption('vi')
  await expect(page.locator('.inbox-row').first()).toContainText('Quầy')
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/inbox-vi.png` })
  await page.getByLabel('Ngôn ngữ').selectOption('th')
  await expect(page.locator('.inbox-row').first()).toContainText('ที่ร้าน')
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/inbox-th.png` })
  await page.evaluate(() => (window.location.hash = '#/scores?by=month&from=2025-01-01&to=2025-12-31'))
  await expect(page.getByTestId('breakdown-channel').locator('tr[data-group="store"] th')).toHaveText('ที่ร้าน')
  if (SHOTS) await page.getByTestId('breakdown-channel').screenshot({ path: `${SHOTS}/scores-th.png` })
  await page.evaluate(() => (window.location.hash = '#/score-settings'))
  // The settings card follows the page's language: Thai names, with Vietnamese and English a choice away.
  await expect(page.getByTestId('channel-labels').getByLabel('ชื่อในภาษา')).toHaveValue('th')
  if (SHOTS) await page.getByTestId('channel-labels').screenshot({ path: `${SHOTS}/settings-th.png` })
})
