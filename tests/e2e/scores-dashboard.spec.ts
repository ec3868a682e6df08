import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { demoYear, demoYearBE, monthRange, rangeQuery, yearRange, yearsRange } from './demoDates'
import { filterFromSearchParams, type FeedbackFilter } from '../../src-shared/api/filters'

/** Calls the app's API from the page, with the page's own token (the same way the dashboard does). */
async function api<T>(page: Page, channel: string, req: unknown): Promise<T> {
  return page.evaluate(
    async ([channel, req]) => {
      const res = await fetch(`/api/invoke/${channel}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sessionStorage.getItem('cxdesk.token')}`, 'content-type': 'application/json' },
        body: JSON.stringify(req),
      })
      const body = await res.json()
      if (!body.ok) throw new Error(body.error.message)
      return body.data
    },
    [channel, req] as const,
  ) as Promise<T>
}

type Series = { rows: Array<{ period: string | null; group: string | null; value: number | null; n: number }>; overall: { value: number | null; n: number } }

/** The filter of the inbox URL the page went to. */
function inboxFilter(page: Page): FeedbackFilter {
  const hash = new URL(page.url()).hash
  expect(hash.startsWith('#/inbox?')).toBe(true)
  return filterFromSearchParams(new URLSearchParams(hash.slice('#/inbox?'.length)))
}

async function openScores(page: Page, url: string, query = '') {
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.evaluate((q) => (window.location.hash = `#/scores${q}`), query)
  await expect(page.getByTestId('scores-page')).toBeVisible()
}

test('the Scores dashboard shows the demo’s scores, the same as the API computes them', async ({ page, app }) => {
  await openScores(page, app.url, `?by=month&${rangeQuery(yearRange())}`)
  // Tiles: December against November of the demo year.
  const tiles = await api<{ tiles: Array<{ metric: string; value: number | null; n: number; change: { significant: boolean | null } | null }> }>(page, 'metrics.tiles', {
    by: 'month',
    compare: 'previous',
    filter: yearRange(),
  })
  for (const metric of ['nps', 'csat', 'ces', 'ttr', 'churn', 'retention']) {
    const tile = page.getByTestId(`tile-${metric}`)
    await expect(tile).toBeVisible()
    const expected = tiles.tiles.find((x) => x.metric === metric)!
    await expect(tile.locator('.tile-value')).toHaveAttribute('data-value', String(expected.value ?? ''))
  }
  await expect(page.getByTestId('tile-nps')).toContainText(/n = \d+/)
  await expect(page.getByTestId('tile-nps')).toContainText(/significant|no significant change|too few responses/)

  // The NPS trend's numbers are the API's, month by month, each with its n.
  const nps = await api<Series>(page, 'metrics.series', { metric: 'nps', by: 'month', filter: yearRange() })
  expect(nps.rows).toHaveLength(12)
  const trend = page.getByTestId('trend-nps')
  await trend.getByText('Show the numbers').click()
  const rows = trend.getByTestId('nps-table').locator('tbody tr')
  await expect(rows).toHaveCount(12)
  for (const [i, r] of nps.rows.entries()) {
    await expect(rows.nth(i)).toHaveAttribute('data-period', r.period!)
    await expect(rows.nth(i).locator('td[data-n]')).toHaveAttribute('data-n', String(r.n))
    await expect(rows.nth(i).locator('td[data-value]')).toHaveAttribute('data-value', String(r.value))
  }
  // Every chart says what it shows and offers copy and save.
  await expect(trend).toContainText('NPS = % promoters (9–10) − % detractors (0–6)')
  await expect(trend.getByRole('button', { name: /^Save PNG: / })).toBeVisible()
  await expect(page.getByTestId('definitions')).toContainText('Retention rate (standard)')
  await expect(page.getByTestId('drivers').locator('tbody tr').first()).toBeVisible()
})

test('changing the period updates the charts and the address', async ({ page, app }) => {
  await openScores(page, app.url, `?${rangeQuery(yearRange())}`)
  const trend = page.getByTestId('trend-nps')
  await trend.getByText('Show the numbers').click()
  await expect(trend.getByTestId('nps-table').locator('tbody tr')).toHaveCount(12)
  await page.getByRole('combobox', { name: /^Period/ }).selectOption('quarter')
  await expect(page).toHaveURL(/by=quarter/)
  // The range follows the new period: the last 8 quarters up to today.
  const quarters = await api<Series>(page, 'metrics.series', { metric: 'nps', by: 'quarter', filter: filterFromSearchParams(new URLSearchParams(new URL(page.url()).hash.split('?')[1])) })
  const rows = page.getByTestId('trend-nps').getByTestId('nps-table').locator('tbody tr')
  await expect(rows).toHaveCount(quarters.rows.length)
  await expect(rows.first()).toHaveAttribute('data-period', /^\d{4}-Q[1-4]$/)
  await expect(page.getByTestId('tile-nps')).toContainText(/vs Q[1-4]/)
})

test('clicking a bar opens the inbox on exactly the responses behind it', async ({ page, app }) => {
  await openScores(page, app.url, `?by=month&${rangeQuery(yearRange())}`)
  const breakdown = page.getByTestId('breakdown-channel')
  await expect(breakdown.locator('.chart-hotspot').first()).toBeAttached()
  // The best channel is drawn first; its n is in the chart's table.
  const byChannel = await api<Series>(page, 'metrics.series', { metric: 'nps', dim: 'channel', filter: yearRange() })
  const best = [...byChannel.rows].sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0]
  // A real click on the canvas, where the bar is drawn (the hotspot only marks the place).
  await breakdown.locator('.chart-hotspot').first().click({ force: true })
  await expect(page).toHaveURL(/#\/inbox\?/)
  const filter = inboxFilter(page)
  expect(filter).toEqual({ ...yearRange(), metric: ['nps'], channel: [best.group] })
  // The inbox, filtered like this, holds exactly the bar's responses.
  const behind = await api<Series>(page, 'metrics.series', { metric: 'nps', filter })
  expect(behind.overall.n).toBe(best.n)
  await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', String(best.n))

  // A point of the trend opens its month; a segment of the NPS mix adds the band.
  await openScores(page, app.url, `?by=month&${rangeQuery(yearRange())}`)
  await page.getByTestId('trend-nps').locator('.chart-hotspot').nth(2).click({ force: true })
  await expect(page).toHaveURL(/#\/inbox\?/)
  expect(inboxFilter(page)).toEqual({ ...monthRange(3), metric: ['nps'] })
})

test('segment and owner break scores and time to resolution down, each opening its responses in the inbox', async ({ page, app }) => {
  const range = yearRange()
  await openScores(page, app.url, `?by=month&${rangeQuery(yearRange())}`)
  type Ttr = { rows: Array<{ group: string | null; resolved: number; stillOpen: number; medianHours: number | null; medianLow: number | null; medianHigh: number | null }> }
  for (const dim of ['segment', 'owner'] as const) {
    const breakdown = page.getByTestId(`breakdown-${dim}`)
    await expect(breakdown.locator('.chart-hotspot').first()).toBeAttached()
    const series = await api<Series>(page, 'metrics.series', { metric: 'nps', dim, filter: range })
    const best = [...series.rows].filter((r) => r.group !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0]
    await breakdown.locator('.chart-hotspot').first().click({ force: true })
    await expect(page).toHaveURL(/#\/inbox\?/)
    expect(inboxFilter(page)).toEqual({ ...range, metric: ['nps'], [dim]: [best.group] })
    await expect(page.getByTestId('inbox-count')).toHaveAttribute('data-count', String(best.n))
    await openScores(page, app.url, `?by=month&${rangeQuery(yearRange())}`)
  }
  // Time to resolution by owner, each median with its 95% interval; an owner opens their follow-ups.
  const byOwner = await api<Ttr>(page, 'metrics.ttr', { dim: 'owner', filter: range })
  const owners = page.getByTestId('ttr-owners').locator('tbody tr')
  await expect(owners).toHaveCount(byOwner.rows.length)
  const first = byOwner.rows.find((r) => r.group !== null && r.medianLow !== null)!
  const row = owners.filter({ hasText: first.group! })
  await expect(row).toContainText(`${first.medianLow} – ${first.medianHigh} h`)
  await row.getByRole('link', { name: first.group! }).click()
  await expect(page).toHaveURL(/#\/inbox\?/)
  expect(inboxFilter(page)).toEqual({ ...range, owner: [first.group] })
})

test('uncertainty is shown beside every figure: the TTR interval, the drivers’ margins and noise', async ({ page, app }) => {
  await openScores(page, app.url, `?by=year&${rangeQuery(yearsRange(demoYear - 2))}`)
  const tiles = await api<{ tiles: Array<{ metric: string; extra?: Record<string, number | null>; change: { significant: boolean | null; moe95: number | null } | null; moe95: number | null }> }>(page, 'metrics.tiles', {
    by: 'year',
    compare: 'previous',
    filter: yearsRange(demoYear - 2),
  })
  const ttr = tiles.tiles.find((x) => x.metric === 'ttr')!
  await expect(page.getByTestId('ttr-interval')).toContainText(`95% CI ${ttr.extra!.medianLow} – ${ttr.extra!.medianHigh} h`)
  // No verdict anywhere on a margin of 0.
  for (const t of tiles.tiles) if (t.moe95 === 0) expect(t.change?.significant ?? null).toBeNull()
  const drivers = await api<{ drivers: Array<{ impact: number | null; impactMoe95: number | null; withinNoise: boolean | null }> }>(page, 'metrics.drivers', { metric: 'nps', filter: yearsRange(demoYear - 2), limit: 10 })
  const rows = page.getByTestId('drivers').locator('tbody tr')
  await expect(rows).toHaveCount(drivers.drivers.length)
  for (const [i, d] of drivers.drivers.entries()) if (d.impact !== null && d.impactMoe95 !== null) await expect(rows.nth(i).locator('.impact')).toContainText('±')
  await expect(page.getByTestId('drivers').getByTestId('driver-noise')).toHaveCount(drivers.drivers.filter((d) => d.withinNoise === true).length)
})

test('a definition changed in the settings recomputes the scores', async ({ page, app }) => {
  await openScores(page, app.url, `?by=month&${rangeQuery(yearRange())}`)
  const before = await api<Series>(page, 'metrics.series', { metric: 'csat', filter: yearRange() })
  await page.getByRole('link', { name: 'Score settings' }).click()
  const csat = page.getByRole('form', { name: /CSAT/ })
  await csat.getByLabel('Good from').selectOption('5')
  await csat.getByRole('button', { name: 'Save' }).click()
  await expect(csat.getByText('Saved. Every figure now uses the new definition.')).toBeVisible()
  await expect(page.getByTestId('definitions')).toContainText('satisfied 5, not satisfied 1–2')
  const after = await api<Series>(page, 'metrics.series', { metric: 'csat', filter: yearRange() })
  expect(after.overall.n).toBe(before.overall.n)
  expect(after.overall.value!).toBeLessThan(before.overall.value!)

  // Surveys sent give a response rate; a deleted entry can be brought back.
  await page.getByLabel('Surveys sent').fill('500')
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByTestId('sends').locator('tbody tr')).toHaveCount(1)
  await page.getByRole('button', { name: /Delete the surveys sent/ }).click()
  await expect(page.getByText('Entry deleted.')).toBeVisible()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('sends').locator('tbody tr')).toHaveCount(1)
})

test.describe('in Thai', () => {
  test.use({ locale: 'th-TH' })
  test('the dashboard speaks Thai and writes Buddhist-era years', async ({ page, app }) => {
    await openScores(page, app.url, `?by=month&${rangeQuery(yearRange())}`)
    await expect(page.getByRole('heading', { level: 2, name: 'ตัวชี้วัด' })).toBeVisible()
    await expect(page.getByTestId('tile-nps')).toContainText(String(demoYearBE))
    await expect(page.getByTestId('definitions')).toContainText('อัตราการรักษา')
  })
})
