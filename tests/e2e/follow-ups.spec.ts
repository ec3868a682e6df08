import { test, expect } from './fixtures'

test('the Overdue view and the badge count the same follow-ups; a snooze takes one off both, and undo puts it back', async ({ page, app }) => {
  test.slow()
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(app.url)
  // The demo's open detractors are past their due date (two working days): the badge says how many.
  const badge = page.getByTestId('followup-badge')
  await expect(badge).toBeVisible()
  const overdue = Number(await badge.getAttribute('data-overdue'))
  expect(overdue).toBeGreaterThan(0)

  await page.getByRole('link', { name: /^Inbox/ }).click()
  const view = page.getByTestId('view-overdue')
  await expect(view.locator('.view-count')).toHaveAttribute('data-count', String(overdue))
  await view.click()
  await expect(view).toHaveAttribute('aria-pressed', 'true')
  await expect(page).toHaveURL(/due=overdue/)
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', String(overdue))

  // Open the first overdue follow-up and snooze it until tomorrow morning.
  const list = page.getByTestId('inbox-list')
  await list.locator('.inbox-row-open').first().click()
  const detail = page.getByTestId('detail')
  await expect(detail.getByTestId('due-line')).toHaveAttribute('data-state', 'overdue')
  await detail.getByRole('button', { name: 'Snooze…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Snooze until' })
  await dialog.getByRole('radio', { name: /Tomorrow at 09:00/ }).check()
  await dialog.getByRole('button', { name: 'Snooze', exact: true }).click()
  // The first change asks who is working (there are no accounts).
  await page.getByRole('textbox', { name: 'Your name' }).fill('Minh')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText(/1 follow-up snoozed until/)).toBeVisible()
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', String(overdue - 1))
  await expect(badge).toHaveAttribute('data-overdue', String(overdue - 1))
  await expect(page.getByTestId('view-snoozed').locator('.view-count')).toHaveAttribute('data-count', '1')

  // Undo: overdue again, in the view and on the badge.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', String(overdue))
  await expect(badge).toHaveAttribute('data-overdue', String(overdue))
  await expect(page.getByTestId('view-snoozed').locator('.view-count')).toHaveAttribute('data-count', '0')

  // The Snoozed view, now empty, says so and leads back to all feedback.
  await page.getByTestId('view-snoozed').click()
  await expect(page.getByTestId('followup-empty')).toHaveText('No follow-up is snoozed.')
  await page.getByRole('button', { name: 'Show all feedback' }).click()
  await expect(page).not.toHaveURL(/due=/)
})

test('in the browser, notifications start only from the user’s click, and a new poor score shows one', async ({ page, app, context }) => {
  test.slow()
  await context.grantPermissions(['notifications'], { origin: app.origin })
  // Record every notification the page makes (headless Chromium shows none).
  await context.addInitScript(() => {
    const shown: Array<{ title: string; body: string }> = []
    const requests: string[] = []
    ;(window as unknown as { __notifications: typeof shown; __permissionRequests: string[] }).__notifications = shown
    ;(window as unknown as { __permissionRequests: string[] }).__permissionRequests = requests
    const Original = window.Notification
    class Recording extends Original {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options)
        shown.push({ title, body: options?.body ?? '' })
      }
      static override requestPermission(...args: Parameters<typeof Original.requestPermission>) {
        requests.push('asked')
        return Original.requestPermission(...args)
      }
    }
    window.Notification = Recording as unknown as typeof Notification
  })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(app.url)
  await page.getByRole('link', { name: /^Inbox/ }).click()
  await expect(page.getByTestId('inbox-count')).not.toHaveAttribute('data-count', '')
  // Nothing asked on load.
  expect(await page.evaluate(() => (window as unknown as { __permissionRequests: string[] }).__permissionRequests.length)).toBe(0)
  await page.getByTestId('notify-on').click()
  await expect(page.getByTestId('notify-state')).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { __permissionRequests: string[] }).__permissionRequests.length)).toBe(1)

  // A detractor entered by hand is a new poor score: one notification, naming the customer.
  await page.getByRole('button', { name: 'Add feedback…' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Add feedback by hand' })
  await dialog.getByLabel('Score (optional)').selectOption('nps')
  await dialog.getByLabel(/^Score \(0–10\)/).fill('2')
  await dialog.getByLabel('Customer name').fill('Trần Thị Mai')
  await dialog.getByRole('button', { name: 'Add to inbox' }).click()
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __notifications: Array<{ title: string; body: string }> }).__notifications))
    .toContainEqual({ title: 'CX Desk', body: 'New poor score from Trần Thị Mai: 2' })
})

test('several follow-ups snoozed at once from the bulk bar, and undone together', async ({ page, app }, testInfo) => {
  test.slow()
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(app.url)
  const badge = page.getByTestId('followup-badge')
  await expect(badge).toBeVisible()
  const overdue = Number(await badge.getAttribute('data-overdue'))
  expect(overdue).toBeGreaterThan(2)
  await page.getByRole('link', { name: /^Inbox/ }).click()
  await page.getByTestId('view-overdue').click()
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', String(overdue))
  const boxes = page.getByTestId('inbox-list').getByRole('checkbox')
  await boxes.nth(0).check()
  await boxes.nth(1).check()
  await boxes.nth(2).check()
  const bar = page.getByRole('toolbar', { name: '3 selected' })
  await bar.getByRole('button', { name: 'Snooze…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Snooze until' })
  await dialog.getByRole('radio', { name: /Next Monday at 09:00/ }).check()
  await page.screenshot({ path: testInfo.outputPath('bulk-snooze-en.png') })
  await dialog.getByRole('button', { name: 'Snooze', exact: true }).click()
  await page.getByRole('textbox', { name: 'Your name' }).fill('Minh')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText(/3 follow-ups snoozed until/)).toBeVisible()
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', String(overdue - 3))
  await expect(badge).toHaveAttribute('data-overdue', String(overdue - 3))
  await expect(page.getByTestId('view-snoozed').locator('.view-count')).toHaveAttribute('data-count', '3')

  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', String(overdue))
  await expect(badge).toHaveAttribute('data-overdue', String(overdue))
  await expect(page.getByTestId('view-snoozed').locator('.view-count')).toHaveAttribute('data-count', '0')
})

test.describe('in Vietnamese', () => {
  test.use({ locale: 'vi-VN' })

  test('a snooze to a date and time typed as the app writes them (dd/mm/yyyy, 24-hour), not in the browser’s format', async ({ page, app }) => {
    await page.goto(app.url)
    await expect(page.getByTestId('followup-badge')).toBeVisible()
    await page.evaluate(() => (window.location.hash = '#/inbox?due=overdue'))
    await page.getByTestId('inbox-list').locator('.inbox-row-open').first().click()
    const detail = page.getByTestId('detail')
    await detail.getByRole('button', { name: 'Tạm hoãn…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Tạm hoãn đến' })
    const date = dialog.getByRole('textbox', { name: 'Ngày', exact: true })
    await expect(date).toHaveAttribute('placeholder', /^[^/]+\/[^/]+\/[^/]+$/)
    await date.fill('31/12/2030')
    await date.press('Tab')
    const time = dialog.getByRole('textbox', { name: 'Giờ', exact: true })
    await expect(time).toHaveValue(/^0?9:00$/)
    await time.fill('14:30')
    await time.press('Tab')
    await expect(dialog.getByRole('radio', { name: 'Ngày và giờ' })).toBeChecked()
    await dialog.getByRole('button', { name: 'Tạm hoãn', exact: true }).click()
    await page.getByRole('textbox', { name: 'Tên của bạn' }).fill('Minh')
    await page.getByRole('button', { name: 'Lưu', exact: true }).click()
    // The workspace's zone is the demo's (Asia/Ho_Chi_Minh): the time typed is that wall-clock time.
    await expect(page.getByText(/Đã tạm hoãn 1 mục cần xử lý đến .*14:30.*31.*12.*2030/)).toBeVisible()
  })
})

test('in the Snoozed view, several snoozes ended at once from the bulk bar, and undone together (en, vi, th)', async ({ page, app }) => {
  test.slow()
  const shots = process.env.CXDESK_SHOTS
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(app.url)
  const badge = page.getByTestId('followup-badge')
  await expect(badge).toBeVisible()
  const overdue = Number(await badge.getAttribute('data-overdue'))
  expect(overdue).toBeGreaterThan(2)
  await page.getByRole('link', { name: /^Inbox/ }).click()
  await page.getByTestId('view-overdue').click()
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', String(overdue))
  const boxes = page.getByTestId('inbox-list').getByRole('checkbox')
  for (const i of [0, 1, 2]) await boxes.nth(i).check()
  await page.getByRole('toolbar', { name: '3 selected' }).getByRole('button', { name: 'Snooze…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Snooze until' })
  await dialog.getByRole('radio', { name: /Next Monday at 09:00/ }).check()
  await dialog.getByRole('button', { name: 'Snooze', exact: true }).click()
  await page.getByRole('textbox', { name: 'Your name' }).fill('Minh')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText(/3 follow-ups snoozed until/)).toBeVisible()
  const snoozedCount = page.getByTestId('view-snoozed').locator('.view-count')
  await expect(snoozedCount).toHaveAttribute('data-count', '3')

  // The Snoozed view: check the three, End snooze from the bulk bar.
  await page.getByTestId('view-snoozed').click()
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', '3')
  for (const i of [0, 1, 2]) await boxes.nth(i).check()
  const bar = page.getByRole('toolbar', { name: '3 selected' })
  await bar.getByRole('button', { name: 'End snooze' }).click()
  await expect(page.getByText('Snooze ended for 3 follow-ups.')).toBeVisible()
  await expect(snoozedCount).toHaveAttribute('data-count', '0')
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', '0')
  await expect(badge).toHaveAttribute('data-overdue', String(overdue))

  // Undo: all three snoozed again.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(snoozedCount).toHaveAttribute('data-count', '3')
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', '3')
  await expect(badge).toHaveAttribute('data-overdue', String(overdue - 3))

  // The same in Vietnamese and Thai: the bulk bar's End snooze, and its notice.
  for (const step of [
    { lang: 'vi', languageLabel: 'Language', selected: 'Đã chọn 3', wake: 'Kết thúc tạm hoãn', done: 'Đã kết thúc tạm hoãn cho 3 mục.', undo: 'Hoàn tác' },
    { lang: 'th', languageLabel: 'Ngôn ngữ', selected: 'เลือกแล้ว 3 รายการ', wake: 'ยกเลิกการเลื่อน', done: 'ยกเลิกการเลื่อนของ 3 รายการแล้ว', undo: 'เลิกทำ' },
  ]) {
    await page.getByLabel(step.languageLabel).selectOption(step.lang)
    for (const i of [0, 1, 2]) await boxes.nth(i).check()
    const localBar = page.getByRole('toolbar', { name: step.selected })
    await expect(localBar.getByRole('button', { name: step.wake })).toBeVisible()
    if (shots) await page.screenshot({ path: `${shots}/survey16-bulk-wake-${step.lang}.png` })
    await localBar.getByRole('button', { name: step.wake }).click()
    await expect(page.getByText(step.done)).toBeVisible()
    await expect(snoozedCount).toHaveAttribute('data-count', '0')
    if (shots) await page.screenshot({ path: `${shots}/survey16-bulk-woken-${step.lang}.png` })
    await page.getByRole('button', { name: step.undo }).click()
    await expect(snoozedCount).toHaveAttribute('data-count', '3')
  }
})
