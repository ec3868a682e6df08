import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliFolder, daysAgo, workspaceWithRows } from '../../helpers/cliFolder'

const folder = cliFolder('customers')
const { cxdesk } = folder

beforeAll(async () => {
  // Times relative to the run: customer 1 went from a 9 to a 2 ten days ago and nobody followed up; customer 2 is happy.
  await workspaceWithRows(folder, [
    { customer_id: 'C1', customer_email: 'one@example.com', submitted_at: daysAgo(40), score: 9 },
    { customer_id: 'C1', customer_email: 'one@example.com', submitted_at: daysAgo(10), score: 2 },
    { customer_id: 'C2', customer_email: 'two@example.com', submitted_at: daysAgo(5), score: 10 },
  ])
})
afterAll(folder.remove)

describe('cxdesk customers', () => {
  it('lists every customer as JSON', async () => {
    const r = await cxdesk(['customers', 'w.cxdesk', '--json'])
    expect(r.code).toBe(0)
    const doc = r.json()
    expect(doc.customers.map((c: { ref: string }) => c.ref).sort()).toEqual(['C1', 'C2'])
    expect(doc.customers.find((c: { ref: string }) => c.ref === 'C1')).toMatchObject({ responses: 2, lastScore: 2, lastBand: 'poor', lastMetric: 'nps', risk: 'high' })
  })

  it('lists customers at risk with their reasons in words and the evaluation', async () => {
    const r = await cxdesk(['customers', 'w.cxdesk', '--at-risk', '--json'])
    expect(r.code).toBe(0)
    const doc = r.json()
    expect(doc.rankedBy).toBe('rules')
    expect(doc.evaluation.model).toBeNull()
    expect(doc.customers).toHaveLength(1)
    expect(doc.customers[0].ref).toBe('C1')
    expect(doc.customers[0].reasons).toEqual([expect.stringMatching(/^Poor NPS score \(2\) on /), 'NPS score falling from 9 to 2', 'Follow-up still open after 10 days'])
    const text = await cxdesk(['customers', 'w.cxdesk', '--at-risk'])
    expect(text.stdout).toContain('Ranked by the rules.')
    expect(text.stdout).toContain('NPS score falling from 9 to 2')
  })

  it('refuses unknown and misplaced options with exit code 2, before opening anything', async () => {
    for (const args of [['--at-riks'], ['--metric', 'nps'], ['--json=yes'], ['--at-risk', '--at-risk']]) {
      const r = await cxdesk(['customers', 'w.cxdesk', ...args])
      expect(r.code, args.join(' ')).toBe(2)
    }
    expect((await cxdesk(['customers'])).code).toBe(2)
  })
})
