import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { writeGeneratorCsv } from '../../helpers/csv'
import { cliFolder } from '../../helpers/cliFolder'

const folder = cliFolder('metrics')
const { dir, cxdesk } = folder

beforeAll(async () => {
  // Two detractors resolved after 3 and 10 hours, one still open, in March 2025 (Bangkok).
  writeGeneratorCsv(join(dir, 'followups.csv'), [
    { submitted_at: '2025-03-03T02:00:00Z', score: 2, status: 'resolved', resolved_at: '2025-03-03T05:00:00Z', channel: 'phone' },
    { submitted_at: '2025-03-04T02:00:00Z', score: 3, status: 'resolved', resolved_at: '2025-03-04T12:00:00Z', channel: 'app' },
    { submitted_at: '2025-03-05T02:00:00Z', score: 1, status: 'new', channel: 'app' },
    { submitted_at: '2025-03-06T02:00:00Z', score: 10, channel: 'app' },
  ])
  await cxdesk(['init', 'w.cxdesk', '--timezone', 'Asia/Bangkok'])
  await cxdesk(['import', 'w.cxdesk', 'followups.csv'])
  // Customers' lifecycle dates, as a CRM export would bring them (written straight to the file: the triggers keep the summaries).
  const db = new Database(join(dir, 'w.cxdesk'))
  const add = db.prepare('INSERT INTO customers (external_ref, segment, customer_since, churned_at, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)')
  for (let i = 0; i < 8; i++) add.run(`crm-${i}`, i < 4 ? 'Student' : 'Office', '2024-06-01', i < 2 ? '2025-03-10' : null)
  db.close()
})
afterAll(folder.remove)

describe('cxdesk metrics beyond the scores', () => {
  it('prints TTR in the documented shape: median hours as the value, resolved items as n', async () => {
    const r = await cxdesk(['metrics', 'w.cxdesk', '--metric', 'ttr', '--by', 'month', '--json'])
    expect(r.code).toBe(0)
    const doc = r.json()
    expect(doc).toMatchObject({ metric: 'ttr', by: 'month' })
    // Median of 3 h and 10 h = 6.5 h; nearest-rank 90th percentile = 10 h; one still open.
    expect(doc.rows).toEqual([expect.objectContaining({ period: '2025-03', group: null, value: 6.5, n: 2, moe95: null, p90Hours: 10, stillOpen: 1, needed: 3 })])
    expect(doc.overall).toMatchObject({ value: 6.5, n: 2 })
    const byChannel = (await cxdesk(['metrics', 'w.cxdesk', '--metric', 'ttr', '--by', 'month', '--dim', 'channel', '--json'])).json()
    expect(byChannel.rows.map((x: { group: string; value: number }) => [x.group, x.value])).toEqual([
      ['app', 10],
      ['phone', 3],
    ])
  })

  it('prints churn and retention per period, per segment, and for the whole range', async () => {
    const churn = (await cxdesk(['metrics', 'w.cxdesk', '--metric', 'churn', '--by', 'month', '--from', '2025-03-01', '--to', '2025-03-31', '--json'])).json()
    // 8 customers at the start of March, 2 lost: churn 25%, retention (8 − 0 new − 2) / 8 = 75%.
    expect(churn.rows).toEqual([expect.objectContaining({ period: '2025-03', value: 25, n: 8, lost: 2, gained: 0, atEnd: 6 })])
    expect(churn.overall).toMatchObject({ value: 25, n: 8 })
    const retention = (await cxdesk(['metrics', 'w.cxdesk', '--metric', 'retention', '--by', 'month', '--from', '2025-03-01', '--to', '2025-03-31', '--dim', 'segment', '--json'])).json()
    expect(retention.rows.map((x: { group: string; value: number }) => [x.group, x.value])).toEqual([
      ['Office', 100],
      ['Student', 50],
    ])
    const wrong = await cxdesk(['metrics', 'w.cxdesk', '--metric', 'churn', '--dim', 'channel'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/segment or location/)
  })

  it('enters surveys sent and prints the response rate', async () => {
    const r = await cxdesk(['sends', 'w.cxdesk', '--from', '2025-03-01', '--to', '2025-03-31', '--sent', '8', '--survey', 'nps', '--json'])
    expect(r.code).toBe(0)
    // 4 NPS answers in March ÷ 8 sent = 50%.
    expect(r.json().sends).toEqual([expect.objectContaining({ from: '2025-03-01', to: '2025-03-31', sent: 8, responses: 4, rate: 50 })])
    expect((await cxdesk(['sends', 'w.cxdesk', '--json'])).json().sends).toHaveLength(1)
    expect((await cxdesk(['sends', 'w.cxdesk', '--from', '2025-03-01', '--sent', 'many'])).code).toBe(2)
  })
})
