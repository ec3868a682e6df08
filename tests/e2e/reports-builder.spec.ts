import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { test, expect } from './fixtures'

test('build a report in the app, preview it, export it to PDF, and reopen the saved template', async ({ page, app }, testInfo) => {
  test.setTimeout(180_000)
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('link', { name: 'Reports' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible()

  // The preview is the report itself: the manager summary of last month by default.
  const preview = page.getByTestId('report-preview')
  await expect(preview.getByTestId('report-document')).toContainText('Manager summary')
  await expect(preview.getByRole('heading', { name: /Headline scores/ })).toBeVisible()

  // A consultant's deliverable, in Vietnamese, for a named client.
  await page.getByRole('radio', { name: /Consultant deliverable/ }).check()
  await page.getByLabel('Title', { exact: true }).fill('Đánh giá quý cho Sông Trà')
  await page.getByLabel('Client name').fill('Công ty Sông Trà')
  await page.getByLabel('Language of the report').selectOption('vi')
  await expect(preview.getByRole('heading', { level: 1, name: 'Đánh giá quý cho Sông Trà' })).toBeVisible()
  await expect(preview).toContainText('Thực hiện cho')
  await expect(preview).toContainText('Bản đồ hành trình khách hàng')
  await expect(preview.locator('.jm-grid').first()).toBeVisible()

  // Saved as a template for next month.
  await page.getByLabel('Template name').fill('Deliverable every quarter')
  await page.getByRole('button', { name: 'Save as template' }).click()
  await expect(page.getByRole('button', { name: 'Deliverable every quarter', exact: true })).toBeVisible()

  // Export: progress, then the PDF downloads.
  const downloading = page.waitForEvent('download', { timeout: 120_000 })
  await page.getByRole('button', { name: 'Export PDF' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/Đánh giá quý cho Sông Trà.*\.pdf$/)
  const file = testInfo.outputPath('report.pdf')
  await download.saveAs(file)
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
  expect(text).toContain('Đánh giá quý cho Sông Trà')
  expect(text).toContain('Công ty Sông Trà')
  // The cover carries no running footer; the pages after it are numbered.
  expect(text).toMatch(/Trang 2 \/ \d+/)
  await expect(page.getByTestId('report-export-done')).toContainText('Đánh giá quý cho Sông Trà')

  // Another day: the page starts from the defaults; the template brings everything back.
  await page.reload()
  // The reloaded page builds its preview while the host loads its next spare print tab: on a loaded machine the two share the CPU.
  await expect(preview.getByTestId('report-document')).toContainText('Manager summary', { timeout: 60_000 })
  await page.getByRole('button', { name: 'Deliverable every quarter', exact: true }).click()
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Đánh giá quý cho Sông Trà')
  await expect(page.getByLabel('Language of the report')).toHaveValue('vi')
  await expect(page.getByRole('radio', { name: /Consultant deliverable/ })).toBeChecked()
  await expect(preview.getByRole('heading', { level: 1, name: 'Đánh giá quý cho Sông Trà' })).toBeVisible()

  // Deleting it can be undone.
  await page.getByRole('button', { name: 'Delete template Deliverable every quarter' }).click()
  await expect(page.getByRole('button', { name: 'Deliverable every quarter', exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('button', { name: 'Deliverable every quarter', exact: true })).toBeVisible()
})
