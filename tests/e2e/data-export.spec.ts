import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'

/** A CSV's records (RFC 4180), the BOM removed. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  return rows
}

test('exports the inbox’s filtered view to CSV and the whole workspace to a workbook, as downloads', async ({ page, app }, testInfo) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.evaluate(() => (window.location.hash = '#/inbox?channel=app&band=poor'))
  const count = page.getByTestId('inbox-count')
  await expect(count).toHaveText(/^\d[\d,]* items?$/)
  const n = Number((await count.getAttribute('data-count')) ?? '-1')
  expect(n).toBeGreaterThan(0)

  await page.getByTestId('export-open').click()
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByText(`The ${n.toLocaleString('en')} responses in this view`)).toBeVisible()
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^Café Sông Trà \(demo\) – responses – \d{4}-\d{2}-\d{2}\.csv$/)
  const file = join(testInfo.outputDir, 'view.csv')
  await download.saveAs(file)
  await expect(dialog.getByTestId('export-done')).toHaveAttribute('data-rows', String(n))

  const text = readFileSync(file, 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const [header, ...rows] = parseCsv(text.slice(1))
  expect(rows).toHaveLength(n)
  const col = (name: string) => header.indexOf(name)
  expect(new Set(rows.map((r) => r[col('channel')]))).toEqual(new Set(['app']))
  expect(new Set(rows.map((r) => r[col('band')]))).toEqual(new Set(['poor']))
  // Times in the workspace's zone with its offset (the demo's: +07:00).
  for (const r of rows) expect(r[col('submitted_at')]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+07:00$/)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  // The whole workspace: one workbook in a browser (CSV needs a folder, which only the desktop can write).
  await page.getByTestId('export-open').click()
  await dialog.getByLabel('The whole workspace').check()
  await expect(dialog.getByLabel('CSV (UTF-8)')).toBeDisabled()
  await expect(dialog.getByLabel('Excel workbook (.xlsx)')).toBeChecked()
  const book = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  expect((await book).suggestedFilename()).toMatch(/workspace – \d{4}-\d{2}-\d{2}\.xlsx$/)
  await expect(dialog.getByTestId('export-done')).toBeVisible()
})
