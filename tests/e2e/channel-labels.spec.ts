import { test, expect } from './fixtures'
import { rangeQuery, yearRange } from './demoDates'

const SHOTS = process.env.CXDESK_SHOTS

test('a channel named in settings reads that way on the Scores page; each language has its own name', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('link', { name: 'Score settings' }).click()
  const form = page.getByTestId('channel-labels')
  const store = form.locator('form[data-code="store"]')
  // Before anyone names it, the built-in name is the placeholder.
  await expect(store.getByLabel('Name for channel store')).toHaveAttribute('placeholder', 'In store')
  await store.getByLabel('Name for channel store').fill('Counter & pick-up')
  await store.getByRole('button', { name: 'Save' }).click()
  await expect(store.getByText('Saved: channel store is now “Counter & pick-up”.')).toBeVisible()
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

  await page.evaluate((hash) => (window.location.hash = hash), `#/scores?by=month&${rangeQuery(yearRange())}`)
  const breakdown = page.getByTestId('breakdown-channel')
  await expect(breakdown.locator('tr[data-group="store"] th')).toHaveText('Counter & pick-up')
  await expect(breakdown.locator('tr[data-group="app"] th')).toHaveText('Mobile app')
  if (SHOTS) await breakdown.screenshot({ path: `${SHOTS}/scores-en.png` })
})

test('the inbox and the Scores page read a channel in the page’s language', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  // Names as the settings card saves them (its own test above): English and Vietnamese, none in Thai.
  for (const [locale, label] of [['en', 'Counter & pick-up'], ['vi', 'Quầy']]) {
    await page.evaluate(
      async ([locale, label]) => {
        const res = await fetch('/api/invoke/labels.setChannel', {
          method: 'POST',
          headers: { authorization: `Bearer ${sessionStorage.getItem('cxdesk.token')}`, 'content-type': 'application/json' },
          body: JSON.stringify({ locale, code: 'store', label }),
        })
        if (!(await res.json()).ok) throw new Error('labels.setChannel failed')
      },
      [locale, label],
    )
  }
  // Written behind the page's back (the settings card refetches after its own writes): load it again.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
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
  await page.evaluate((hash) => (window.location.hash = hash), `#/scores?by=month&${rangeQuery(yearRange())}`)
  await expect(page.getByTestId('breakdown-channel').locator('tr[data-group="store"] th')).toHaveText('ที่ร้าน')
  if (SHOTS) await page.getByTestId('breakdown-channel').screenshot({ path: `${SHOTS}/scores-th.png` })
})
