import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, startApp } from './fixtures'

test('the survey list applies the contact rules, exports the CSV, records the send (the profile then says so) and undoes it', async ({ page, app }, testInfo) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('link', { name: 'Customers' }).click()
  await page.getByRole('tab', { name: 'Survey list' }).click()
  const list = page.getByTestId('survey-list')
  await list.locator('select').nth(2).selectOption('Bangkok - Sukhumvit')
  const count = page.getByTestId('survey-list-count')
  await expect(count).toHaveText(/may be surveyed on/)
  // The location's list: wait for its own counts (fewer customers than the whole workspace's 320).
  await expect(count).not.toHaveAttribute('data-considered', '320')
  const eligible = Number(await count.getAttribute('data-eligible'))
  const considered = Number(await count.getAttribute('data-considered'))
  expect(eligible).toBeGreaterThan(0)
  expect(considered).toBeGreaterThan(eligible)
  // Those left out are counted by reason, and the counts add up.
  const reasons = page.getByTestId('survey-list-reasons').locator('li')
  const leftOut = (await reasons.allTextContents()).reduce((n, text) => n + Number(text.match(/^\d+/)?.[0]), 0)
  expect(leftOut).toBe(considered - eligible)

  // Recording needs the export first.
  await expect(page.getByTestId('survey-list-record')).toBeDisabled()
  const downloading = page.waitForEvent('download')
  await page.getByTestId('survey-list-export').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^Café Sông Trà \(demo\) – survey list – email – \d{4}-\d{2}-\d{2}\.csv$/)
  const file = join(testInfo.outputDir, 'list.csv')
  await download.saveAs(file)
  const lines = readFileSync(file, 'utf8').split('\r\n').filter(Boolean)
  expect(lines[0]).toBe('\uFEFFcustomer_ref,name,email,phone,segment,location')
  expect(lines).toHaveLength(eligible + 1)
  expect(lines.slice(1).every((l) => l.endsWith(',Bangkok - Sukhumvit'))).toBe(true)
  await expect(page.getByTestId('survey-list-exported')).toBeVisible()

  // Open the first customer of the list: a survey may be sent to them today.
  const first = list.locator('tbody tr').first().getByRole('button')
  const name = (await first.textContent()) ?? ''
  await first.click()
  const profile = page.getByTestId('customer-profile')
  await expect(profile.getByRole('heading', { name })).toBeVisible()
  await expect(profile.getByTestId('survey-guard')).toHaveText('Yes: no contact rule stands in the way.')

  await page.getByTestId('survey-list-record').click()
  await expect(page.getByTestId('send-recorded')).toHaveText(eligible === 1 ? 'Send recorded: 1 survey contact added to the contact log.' : `Send recorded: ${eligible} survey contacts added to the contact log.`)
  await expect(count).toHaveAttribute('data-eligible', '0')
  await expect(page.getByTestId('survey-list-reasons')).toContainText('surveyed or answered within 90 days')
  await expect(profile.getByTestId('survey-guard')).toContainText('Surveyed on')
  await expect(profile.getByTestId('timeline-contact').first()).toContainText('Survey sent')

  await page.getByRole('button', { name: 'Undo send' }).click()
  await expect(page.getByText('The send was taken back')).toBeVisible()
  await expect(count).toHaveAttribute('data-eligible', String(eligible))
  await expect(profile.getByTestId('survey-guard')).toHaveText('Yes: no contact rule stands in the way.')
  await expect(profile.getByTestId('timeline-contact')).toHaveCount(0)
})

test('a contact entered by hand warns before crossing a rule, and its deletion can be undone', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.evaluate(() => (window.location.hash = '#/customers?q=khach12%40'))
  await page.getByTestId('customer-row').click()
  const profile = page.getByTestId('customer-profile')
  const form = profile.getByRole('form', { name: 'Record a contact' })
  await form.locator('select[name="kind"]').selectOption('message')
  await form.locator('select[name="purpose"]').selectOption('marketing')
  await form.getByRole('button', { name: 'Record contact' }).click()
  // Consent for marketing is not known: never allowed.
  await expect(profile.getByTestId('contact-warnings')).toContainText('No consent for Marketing (consent: Not known)')
  await form.getByRole('button', { name: 'Cancel' }).click()
  await expect(profile.getByTestId('contact-warnings')).toHaveCount(0)
  await form.locator('select[name="purpose"]').selectOption('feedback')
  await form.locator('input[name="channel"]').fill('zalo')
  await form.getByRole('button', { name: 'Record contact' }).click()
  await expect(profile.getByText('Contact recorded.')).toBeVisible()
  const entry = profile.getByTestId('timeline-contact')
  await expect(entry).toHaveCount(1)
  await expect(entry).toContainText('Message')

  await entry.getByRole('button', { name: 'Delete' }).click()
  await expect(profile.getByTestId('timeline-contact')).toHaveCount(0)
  // The form's "Contact recorded" notice (with its own Undo) goes with the contact it named.
  await expect(profile.getByTestId('contact-saved')).toHaveCount(0)
  await profile.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(profile.getByTestId('timeline-contact')).toHaveCount(1)
})

test('a send list imported on the Survey list tab: preview counts and bad rows, import, the same file again adds nothing, undo', async ({ page, app }, testInfo) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('link', { name: 'Customers' }).click()
  await page.getByRole('tab', { name: 'Survey list' }).click()
  const count = page.getByTestId('survey-list-count')
  await expect(count).toHaveText(/may be surveyed on/)
  const eligibleBefore = Number(await count.getAttribute('data-eligible'))
  // Two customers the list allows today, by e-mail; one nobody; one not a date.
  const rows = page.getByTestId('survey-list').locator('tbody tr')
  const emails = [await rows.nth(0).locator('td').nth(1).textContent(), await rows.nth(1).locator('td').nth(1).textContent()]
  const csv = ['Email,Sent', `${emails[0]},`, `${emails[1]},`, 'nobody@example.com,', `${emails[0]},31/02/2026`].join('\n')
  const card = page.getByTestId('send-list-card')
  const choose = async () => {
    const chooser = page.waitForEvent('filechooser')
    await card.getByTestId('send-list-choose').click()
    await (await chooser).setFiles({ name: 'sent.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  }
  await choose()
  const preview = page.getByTestId('send-list-preview')
  await expect(preview).toHaveAttribute('data-recorded', '2')
  await expect(preview).toHaveAttribute('data-rejected', '2')
  await expect(page.getByTestId('send-list-errors')).toContainText('Row 4: "nobody@example.com" is no customer of this workspace')
  await expect(page.getByTestId('send-list-errors')).toContainText('Row 5: "31/02/2026" is not a date')
  await page.screenshot({ path: testInfo.outputPath('send-list-en.png'), fullPage: true })
  await page.getByTestId('send-list-import').click()
  await expect(page.getByTestId('send-list-done')).toHaveText('2 survey contacts recorded from sent.csv.')
  // The survey list counts them as surveyed today.
  await expect(count).toHaveAttribute('data-eligible', String(eligibleBefore - 2))

  // The same file again: nothing new.
  await choose()
  await expect(preview).toHaveAttribute('data-recorded', '0')
  await expect(preview).toHaveAttribute('data-already', '2')
  await expect(page.getByTestId('send-list-import')).toBeDisabled()
  await preview.getByRole('button', { name: 'Cancel' }).click()

  await page.getByTestId('send-list-undo').click()
  await expect(page.getByTestId('send-list-undone')).toHaveText('Import taken back: 2 survey contacts removed.')
  await expect(count).toHaveAttribute('data-eligible', String(eligibleBefore))

  // The card in Vietnamese and Thai, with a preview showing (screenshots to look at).
  await choose()
  await expect(preview).toHaveAttribute('data-recorded', '2')
  await page.getByLabel('Language').selectOption('vi')
  await expect(card).toContainText('Chọn danh sách đã gửi…')
  await expect(page.getByTestId('send-list-errors')).toContainText('Dòng 4: "nobody@example.com" không phải khách hàng')
  await page.screenshot({ path: testInfo.outputPath('send-list-vi.png'), fullPage: true })
  await page.getByLabel('Ngôn ngữ').selectOption('th')
  await expect(card).toContainText('เลือกรายชื่อที่ส่งแล้ว…')
  await page.screenshot({ path: testInfo.outputPath('send-list-th.png'), fullPage: true })
})

test('the inbox’s "Contact the customer…" warns when a contact rule would be crossed, records anyway, and undoes', async ({ page, app }, testInfo) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('link', { name: /^Inbox/ }).click()
  await page.getByTestId('inbox-list').locator('.inbox-row-open').first().click()
  const detail = page.getByTestId('detail')
  await detail.getByRole('button', { name: 'Contact the customer…' }).click()
  const form = detail.getByRole('form', { name: 'Record a contact' })
  await expect(form.locator('select[name="kind"]')).toHaveValue('followup')
  // Marketing consent is not known: never allowed, so the guard warns before anything is saved.
  await form.locator('select[name="purpose"]').selectOption('marketing')
  await form.getByRole('button', { name: 'Record contact' }).click()
  await expect(form.getByTestId('contact-warnings')).toContainText('No consent for Marketing')
  await page.screenshot({ path: testInfo.outputPath('inbox-contact-en.png') })
  await form.getByRole('button', { name: 'Record anyway' }).click()
  await expect(form.getByTestId('contact-saved')).toHaveText('Contact recorded.')
  await form.getByRole('button', { name: 'Undo' }).click()
  await expect(form.getByTestId('contact-saved')).toHaveCount(0)
})

test('an exported list can have its send recorded after the app was closed and started again (en, vi, th)', async ({ page }) => {
  test.slow()
  const shots = process.env.CXDESK_SHOTS
  const first = await startApp()
  const home = first.home
  const openSurveyList = async (url: string) => {
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
    await page.getByRole('link', { name: 'Customers' }).click()
    await page.getByRole('tab', { name: 'Survey list' }).click()
    await page.getByTestId('survey-list').locator('select').nth(2).selectOption('Bangkok - Sukhumvit')
    await expect(page.getByTestId('survey-list-count')).not.toHaveAttribute('data-considered', '320')
  }
  let second: Awaited<ReturnType<typeof startApp>> | null = null
  try {
    await openSurveyList(first.url)
    const eligible = Number(await page.getByTestId('survey-list-count').getAttribute('data-eligible'))
    expect(eligible).toBeGreaterThan(0)
    const downloading = page.waitForEvent('download')
    await page.getByTestId('survey-list-export').click()
    await downloading
    await expect(page.getByTestId('survey-list-exported')).toBeVisible()
    // Closed before "I sent it": the app stops, and starts again on the same data folder.
    await first.stop()
    second = await startApp({ home })
    await openSurveyList(second.url)
    const exported = page.getByTestId('survey-list-exported')
    await expect(exported).toHaveAttribute('data-earlier', 'true')
    await expect(exported).toContainText(/Exported on .+; its send can be recorded until/)
    const record = page.getByTestId('survey-list-record')
    await expect(record).toBeEnabled()
    if (shots) await page.screenshot({ path: `${shots}/survey16-earlier-export-en.png` })
    for (const [lang, label, words] of [
      ['vi', 'Language', /Đã xuất lúc .+; có thể ghi nhận lần gửi đến/],
      ['th', 'Ngôn ngữ', /ส่งออกเมื่อ .+ บันทึกการส่งได้จนถึง/],
    ] as const) {
      await page.getByLabel(label).selectOption(lang)
      await expect(exported).toContainText(words)
      if (shots) await page.screenshot({ path: `${shots}/survey16-earlier-export-${lang}.png` })
    }
    await page.getByLabel('ภาษา').selectOption('en')
    await record.click()
    await expect(page.getByTestId('send-recorded')).toHaveText(eligible === 1 ? 'Send recorded: 1 survey contact added to the contact log.' : `Send recorded: ${eligible} survey contacts added to the contact log.`)
    await expect(page.getByTestId('survey-list-count')).toHaveAttribute('data-eligible', '0')
    // Recorded: nothing is waiting for a confirmation any more.
    await expect(exported).toBeHidden()
  } finally {
    await first.stop()
    await second?.stop()
    rmSync(home, { recursive: true, force: true })
  }
})
