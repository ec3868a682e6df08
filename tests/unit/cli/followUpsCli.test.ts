import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeGeneratorCsv } from '../../helpers/csv'
import { cxdeskRun } from '../../helpers/cliInProcess'

let dir: string
const DAY = 86_400_000

async function cxdesk(args: string[]) {
  const r = await cxdeskRun(args, { cwd: dir, env: { CXDESK_HOME: join(dir, 'home') } })
  return { ...r, json: () => JSON.parse(r.stdout) }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-cli-follow-ups-'))
  // Times relative to the run: two detractors long past their 2 working days, one resolved, a promoter.
  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString()
  writeGeneratorCsv(join(dir, 'r.csv'), [
    { customer_id: 'C1', customer_email: 'one@example.com', submitted_at: ago(20), score: 2, comment: 'Cold coffee' },
    { customer_id: 'C2', customer_email: 'two@example.com', submitted_at: ago(10), score: 4 },
    { customer_id: 'C3', customer_email: 'three@example.com', submitted_at: ago(12), score: 1, status: 'resolved', resolved_at: ago(11) },
    { customer_id: 'C4', customer_email: 'four@example.com', submitted_at: ago(5), score: 10 },
  ])
  await cxdesk(['init', 'w.cxdesk', '--timezone', 'Asia/Bangkok'])
  expect((await cxdesk(['import', 'w.cxdesk', 'r.csv'])).code).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

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
