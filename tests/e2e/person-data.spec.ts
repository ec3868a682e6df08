import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Download, Page } from '@playwright/test'
import { test, expect } from './fixtures'

/** A person's data out (issue 17): export from the profile, the rectification log, "Hide personal data". */

async function openCustomer(page: Page, url: string, email: string) {
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('link', { name: 'Customers' }).click()
  await page.evaluate((q) => (window.location.hash = `#/customers?q=${encodeURIComponent(q)}`), email)
  await expect(page.getByTestId('customer-count')).toHaveText('1 customer')
  await page.getByTestId('customer-row').click()
  await expect(page.getByTestId('customer-profile')).toContainText(email)
  return page.getByTestId('customer-profile')
}

test('“Export their data” on a profile downloads their PDF (in the language chosen) and their JSON', async ({ page, app }, testInfo) => {
  test.setTimeout(180_000)
  await openCustomer(page, app.url, 'khach12@example.com')
  await page.getByTestId('subject-export-open').click()
  const form = page.getByTestId('subject-export')
  await expect(form).toBeVisible()
  await form.getByLabel('Language of the PDF').selectOption('vi')
  const downloads: Download[] = []
  page.on('download', (d) => downloads.push(d))
  await form.getByRole('button', { name: /^Export —/ }).click()
  await expect(form.getByTestId('subject-export-done')).toContainText('The PDF and the JSON file were downloaded', { timeout: 120_000 })
  expect(downloads.map((d) => d.suggestedFilename().replace(/.* – /, '')).sort()).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d\.json$/), expect.stringMatching(/^\d{4}-\d\d-\d\d\.pdf$/)])
  const pdf = downloads.find((d) => d.suggestedFilename().endsWith('.pdf'))!
  const json = downloads.find((d) => d.suggestedFilename().endsWith('.json'))!
  const pdfFile = join(testInfo.outputDir, 'subject.pdf')
  const jsonFile = join(testInfo.outputDir, 'subject.json')
  await pdf.saveAs(pdfFile)
  await json.saveAs(jsonFile)
  expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const data = JSON.parse(readFileSync(jsonFile, 'utf8'))
  expect(data).toMatchObject({ format: 'cxdesk.subject-access', version: 1, language: 'vi', person: { email: 'khach12@example.com' } })
  expect(data.responses.length).toBeGreaterThan(0)
})

test('an edit of their details is logged on the profile, old → new, with why', async ({ page, app }) => {
  const profile = await openCustomer(page, app.url, 'khach14@example.com')
  await expect(page.getByText('No change made by hand yet.')).toBeVisible()
  await profile.getByRole('button', { name: 'Edit' }).click()
  const form = page.getByTestId('customer-form')
  await form.locator('input[name="email"]').fill('khach14.new@example.com')
  await form.getByLabel('Why the change (optional; kept in the log)').fill('Asked by phone')
  await form.getByRole('button', { name: 'Save' }).click()
  const log = page.getByTestId('rectification-log')
  await expect(log).toContainText('E-mail: khach14@example.com → khach14.new@example.com')
  await expect(log).toContainText('Why: Asked by phone')
})

test('“Hide personal data” masks names, e-mails and phones in Customers and the inbox, is remembered, and Ctrl+Shift+H toggles it', async ({ page, app }) => {
  // Two pages and a reload: more than the default 90 s when the shared machine is loaded.
  test.setTimeout(180_000)
  const profile = await openCustomer(page, app.url, 'khach12@example.com')
  const row = page.getByTestId('customer-row')
  const name = (await row.locator('strong').textContent()) ?? ''
  const toggle = page.getByTestId('hide-personal-data')
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByText('Personal data hidden for screen sharing.')).toBeVisible()
  await expect(row).toContainText('k•••@e•••.com')
  await expect(row).not.toContainText('khach12@example.com')
  await expect(row).not.toContainText(name)
  await expect(profile).not.toContainText('khach12@example.com')

  // The inbox follows the same switch (remembered), and its detail pane masks the customer too.
  await page.getByRole('link', { name: 'Inbox' }).click()
  await expect(page.getByTestId('inbox-count')).toHaveText(/^\d[\d,]* items?$/)
  await expect(page.getByTestId('hide-personal-data')).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('listitem').filter({ hasText: '•••' }).first().locator('.inbox-row-open').click()
  await expect(page.getByTestId('detail')).toBeVisible()
  await expect(page.getByTestId('detail')).not.toContainText(/khach\d+@example\.com/)

  await page.keyboard.press('Control+Shift+H')
  await expect(page.getByTestId('hide-personal-data')).toHaveAttribute('aria-pressed', 'false')
  await expect(page.getByTestId('detail')).toContainText(/khach\d+@example\.com/)
  await page.reload()
  await expect(page.getByTestId('hide-personal-data')).toHaveAttribute('aria-pressed', 'false')
})
