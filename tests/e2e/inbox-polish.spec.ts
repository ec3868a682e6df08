import { test, expect } from './fixtures'

test('the inbox forgets the previous workspace, remembers its compact density, and its empty state leads to the import', async ({ page, app }) => {
  test.slow()
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(app.url)
  await page.getByRole('link', { name: 'Inbox' }).click()
  const list = page.getByTestId('inbox-list')
  await expect(list.locator('.inbox-row').first()).toBeVisible()

  // Compact rows: more of them in view, and still so after the app is opened again.
  const inView = async () => {
    const box = await list.boundingBox()
    const rows = await list.locator('.inbox-row').evaluateAll((els, bottom) => els.filter((e) => e.getBoundingClientRect().bottom <= bottom).length, (box?.y ?? 0) + (box?.height ?? 0))
    return rows
  }
  const comfortable = await inView()
  await page.getByRole('group', { name: 'Row density' }).getByRole('button', { name: 'Compact' }).click()
  await expect(list).toHaveAttribute('data-density', 'compact')
  await expect.poll(inView).toBeGreaterThan(comfortable + 2)
  await page.reload()
  await expect(page.getByTestId('inbox-list')).toHaveAttribute('data-density', 'compact')
  await expect(page.getByRole('group', { name: 'Row density' }).getByRole('button', { name: 'Compact' })).toHaveAttribute('aria-pressed', 'true')

  // An item open and two rows checked in the demo…
  await list.locator('.inbox-row-open').first().click()
  await expect(page.getByTestId('detail')).toBeVisible()
  await list.locator('.row-check').nth(1).check()
  await list.locator('.row-check').nth(2).check()
  await expect(page.getByRole('toolbar', { name: '2 selected' })).toBeVisible()

  // …belong to the demo: another workspace's inbox starts with nothing open and nothing checked.
  await page.getByRole('button', { name: /Workspace/ }).click()
  await page.getByRole('menuitem', { name: 'New workspace…' }).click()
  await page.getByLabel('Workspace name').fill('Second client')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Second client' })).toBeVisible()
  await page.getByRole('link', { name: 'Inbox' }).click()
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', '0')
  await expect(page.getByTestId('detail')).toHaveCount(0)
  await expect(page.getByText('Choose an item to see the customer, their history, notes and the follow-up.')).toBeVisible()
  await expect(page.getByRole('toolbar', { name: /selected/ })).toHaveCount(0)

  // The empty inbox says what to do, and the action does it.
  const empty = page.getByTestId('inbox-empty')
  await expect(empty.getByRole('button', { name: 'Add feedback…' })).toBeVisible()
  await empty.getByRole('link', { name: 'Import a CSV…' }).click()
  await expect(page.locator('main#import')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Choose a file…' })).toBeVisible()

  // The other empty pages carry their action too.
  await page.getByRole('link', { name: 'Themes' }).click()
  await expect(page.getByTestId('suggestions-empty').getByRole('link', { name: 'Import a CSV…' })).toBeVisible()
  await expect(page.getByTestId('tags-empty').getByRole('button', { name: 'New rule' })).toBeVisible()
  await page.getByRole('link', { name: 'Scores', exact: true }).click()
  await expect(page.getByTestId('data-span').getByRole('link', { name: 'Import a CSV…' })).toBeVisible()
  await page.getByRole('link', { name: 'Journey maps' }).click()
  await page.getByTestId('journeys-empty').getByRole('button', { name: 'New journey map' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
})
