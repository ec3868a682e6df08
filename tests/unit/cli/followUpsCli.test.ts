import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliFolder, daysAgo, workspaceWithRows } from '../../helpers/cliFolder'

const folder = cliFolder('follow-ups')
const { cxdesk } = folder

beforeAll(async () => {
  // Times relative to the run: two detractors long past their 2 working days, one resolved, a promoter.
  await workspaceWithRows(folder, [
    { customer_id: 'C1', customer_email: 'one@example.com', submitted_at: daysAgo(20), score: 2, comment: 'Cold coffee' },
    { customer_id: 'C2', customer_email: 'two@example.com', submitted_at: daysAgo(10), score: 4 },
    { customer_id: 'C3', customer_email: 'three@example.com', submitted_at: daysAgo(12), score: 1, status: 'resolved', resolved_at: daysAgo(11) },
    { customer_id: 'C4', customer_email: 'four@example.com', submitted_at: daysAgo(5), score: 10 },
  ])
})
afterAll(folder.remove)

describe('cxdesk follow-ups', () => {
  it('prints the counts and the overdue follow-ups, due first', async () => {
    const r = await cxdesk(['follow-ups', 'w.cxdesk', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const out = r.json()
    expect(out.counts).toMatchObject({ open: 2, overdue: 2, snoozed: 0 })
    expect(out.overdue.map((f: { customer: string }) => f.customer)).toEqual(['one@example.com', 'two@example.com'])
    expect(out.overdue[0]).toMatchObject({ status: 'new', metric: 'nps', score: 2, comment: 'Cold coffee', band: 'poor' })
    expect(Date.parse(out.overdue[0].dueAt)).toBeLessThan(Date.parse(out.overdue[1].dueAt))
    expect(out.dueSoon).toEqual([])
    expect(out.timezone).toBe('Asia/Bangkok')

    const text = await cxdesk(['follow-ups', 'w.cxdesk'])
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toContain('2 open follow-ups: 2 overdue, 0 due soon, 0 snoozed (times in Asia/Bangkok).')
    expect(text.stdout).toMatch(/#\d+ {2}due .* h late {2}NPS 2 {2}one@example\.com {2}no owner {2}new “Cold coffee”/)
  })

  it('--overdue and --due-soon list one view each', async () => {
    const overdue = (await cxdesk(['follow-ups', 'w.cxdesk', '--overdue', '--json'])).json()
    expect(overdue.overdue).toHaveLength(2)
    expect(overdue).not.toHaveProperty('dueSoon')
    const soon = (await cxdesk(['follow-ups', 'w.cxdesk', '--due-soon', '--json'])).json()
    expect(soon.dueSoon).toEqual([])
    expect(soon).not.toHaveProperty('overdue')
  })

  it('refuses both views at once and unknown options with exit code 2', async () => {
    for (const args of [['--overdue', '--due-soon'], ['--overdeu'], ['--overdue=yes'], ['--channel', 'email']]) {
      const r = await cxdesk(['follow-ups', 'w.cxdesk', ...args])
      expect(r.code, args.join(' ')).toBe(2)
    }
  })
})
