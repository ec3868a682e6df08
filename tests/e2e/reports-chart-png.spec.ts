import { readFileSync } from 'node:fs'
import { test, expect } from './fixtures'
import { rangeQuery, yearRange } from './demoDates'

test('a chart saved as PNG carries its title and period above it and its definition and n below', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000)
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.evaluate((hash) => (window.location.hash = hash), `#/scores?by=month&${rangeQuery(yearRange())}`)
  const trend = page.getByTestId('trend-nps')
  await expect(trend.locator('.chart-hotspot').first()).toBeAttached()
  // Measured once the chart has laid its canvas out (under load it can still be 0 px wide here).
  const measure = () => trend.locator('canvas').first().evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height, cssWidth: c.clientWidth }))
  await expect.poll(async () => (await measure()).cssWidth).toBeGreaterThan(0)
  const canvas = await measure()

  const downloading = page.waitForEvent('download')
  await trend.getByRole('button', { name: /^Save PNG: / }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.png$/)
  const file = testInfo.outputPath('chart.png')
  await download.saveAs(file)
  const png = readFileSync(file)
  // IHDR: width and height at bytes 16 and 20.
  const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
  const scale = canvas.width / canvas.cssWidth
  expect(size.width).toBe(Math.round((canvas.cssWidth + 32) * scale))
  // Room for the title, the period and at least two lines of the definition.
  expect(size.height).toBeGreaterThan(canvas.height + 90 * scale)

  // Ink above the chart (title, period) and below it (definition and n), read back from the image.
  const ink = await page.evaluate(
    async ({ data, chartTop, chartHeight }) => {
      const img = new Image()
      img.src = `data:image/png;base64,${data}`
      await img.decode()
      const c = document.createElement('canvas')
      c.width = img.width
      c.height = img.height
      const ctx = c.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const dark = (y0: number, y1: number) => {
        const d = ctx.getImageData(0, y0, c.width, y1 - y0).data
        let n = 0
        for (let i = 0; i < d.length; i += 4) if (d[i] < 160 && d[i + 1] < 160 && d[i + 2] < 160) n++
        return n
      }
      return { above: dark(0, chartTop), below: dark(chartTop + chartHeight, c.height) }
    },
    { data: png.toString('base64'), chartTop: Math.round(16 * scale + (size.height - canvas.height - 32 * scale) * 0.2), chartHeight: canvas.height },
  )
  expect(ink.above).toBeGreaterThan(200)
  expect(ink.below).toBeGreaterThan(200)
})
