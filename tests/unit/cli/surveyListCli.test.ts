import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { cliFolder, daysAgo, workspaceWithRows } from '../../helpers/cliFolder'

const folder = cliFolder('survey-list')
const { dir, cxdesk } = folder

beforeAll(async () => {
  // Times relative to the run: C1 answered 10 days ago (within the 90 days), C2 and C3 long ago.
  await workspaceWithRows(folder, [
    { customer_id: 'C1', customer_email: 'one@example.com', submitted_at: daysAgo(10), score: 9 },
    { customer_id: 'C2', customer_email: 'two@example.com', submitted_at: daysAgo(100), score: 10 },
    { customer_id: 'C3', customer_email: 'three@example.com', submitted_at: daysAgo(200), score: 3 },
  ])
})
afterAll(folder.remove)

describe('cxdesk survey-list', () => {
  it('writes who may be surveyed as CSV and prints the counts, recording the send only with --record', async () => {
    const r = await cxdesk(['survey-list', 'w.cxdesk', '--out', 'list.csv', '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.json()).toMatchObject({ channel: 'email', considered: 3, eligible: 2, excluded: { left: 0, noAddress: 0, consent: 0, recentSurvey: 1, tooMany: 0 }, recorded: 0, send: null })
    const csv = readFileSync(join(dir, 'list.csv'), 'utf8')
    expect(csv.split('\r\n')[0]).toBe('\uFEFFcustomer_ref,name,email,phone,segment,location')
    expect(csv).toContain('two@example.com')
    expect(csv).toContain('three@example.com')
    expect(csv).not.toContain('one@example.com')
    // The list is kept in the workspace (ids only), so that its send can be confirmed later in the app.
    const db = new Database(join(dir, 'w.cxdesk'), { readonly: true })
    expect(db.prepare('SELECT rows FROM survey_list_exports').pluck().all()).toEqual([2])
    db.close()

    const recorded = await cxdesk(['survey-list', 'w.cxdesk', '--out', 'list2.csv', '--record', '--json'])
    expect(recorded.code, recorded.stderr).toBe(0)
    expect(recorded.json()).toMatchObject({ eligible: 2, recorded: 2, send: expect.any(Number) })
    // Now everyone was surveyed within 90 days.
    const after = await cxdesk(['survey-list', 'w.cxdesk', '--out', 'list3.csv'])
    expect(after.code).toBe(0)
    expect(after.stdout).toContain('0 of 3 customers may be surveyed by email')
    expect(after.stdout).toContain('3 surveyed within the gap')
    expect(readFileSync(join(dir, 'list3.csv'), 'utf8')).toBe('\uFEFFcustomer_ref,name,email,phone,segment,location\r\n')
  })

  it('a list written without --record is confirmed later by its token, once; --pending shows what waits', async () => {
    const own = cliFolder('survey-list-confirm')
    try {
      await workspaceWithRows(own, [
        { customer_id: 'C1', customer_email: 'one@example.com', submitted_at: daysAgo(100), score: 9 },
        { customer_id: 'C2', customer_email: 'two@example.com', submitted_at: daysAgo(200), score: 4 },
      ])
      const written = await own.cxdesk(['survey-list', 'w.cxdesk', '--out', 'list.csv', '--json'])
      expect(written.code, written.stderr).toBe(0)
      const { token, eligible } = written.json() as { token: string; eligible: number }
      expect(eligible).toBe(2)
      expect(token).toMatch(/\S{8,}/)
      const text = await own.cxdesk(['survey-list', 'w.cxdesk', '--out', 'again.csv'])
      expect(text.stdout).toMatch(/Nothing recorded yet\. Once the send is made: cxdesk survey-list <workspace> --confirm \S+ \(within 14 days\)/)

      const pending = await own.cxdesk(['survey-list', 'w.cxdesk', '--pending', '--json'])
      expect(pending.code, pending.stderr).toBe(0)
      expect((pending.json() as { pending: Array<{ token: string; rows: number; fileName: string }> }).pending.map((p) => [p.fileName, p.rows])).toEqual([
        ['again.csv', 2],
        ['list.csv', 2],
      ])
      const pendingText = await own.cxdesk(['survey-list', 'w.cxdesk', '--pending'])
      expect(pendingText.stdout).toContain('2 lists are waiting for the send to be confirmed')
      expect(pendingText.stdout).toContain(`${token}  list.csv: 2 customers by email; written `)

      const confirmed = await own.cxdesk(['survey-list', 'w.cxdesk', '--confirm', token])
      expect(confirmed.code, confirmed.stderr).toBe(0)
      expect(confirmed.stdout).toMatch(/^Recorded 2 survey contacts \(send \d+\)\./)
      // Exactly that list: both customers were surveyed now, so a new list holds no one.
      const after = await own.cxdesk(['survey-list', 'w.cxdesk', '--out', 'after.csv', '--json'])
      expect(after.json()).toMatchObject({ eligible: 0, token: null })
      // Once only; a token confirmed already or never written is refused with what happened (a wrong value: 2).
      const twice = await own.cxdesk(['survey-list', 'w.cxdesk', '--confirm', token])
      expect(twice.code).toBe(2)
      expect(twice.stderr).toMatch(/already recorded/)
      const unknown = await own.cxdesk(['survey-list', 'w.cxdesk', '--confirm', '0123456789abcdef0123456789abcdef'])
      expect(unknown.code).toBe(1)
      expect(unknown.stderr).toMatch(/no longer known/)
      expect((await own.cxdesk(['survey-list', 'w.cxdesk', '--pending'])).stdout).not.toContain(token)
    } finally {
      own.remove()
    }
  })

  it('refuses unknown options, a wrong channel and a missing --out with exit code 2', async () => {
    for (const args of [
      ['--out', 'x.csv', '--chanel', 'sms'],
      ['--out', 'x.csv', '--channel', 'fax'],
      [],
      ['--out', 'x.csv', '--record=yes'],
      ['--out', 'x.csv', '--at-risk'],
      ['--pending', '--confirm', 'abc'],
      ['--confirm', 'abc', '--out', 'x.csv'],
      ['--pending', '--record'],
      ['--confirm'],
      ['--confirm', ' '],
      ['--confirm', 'not a token!'],
    ]) {
      const r = await cxdesk(['survey-list', 'w.cxdesk', ...args])
      expect(r.code, args.join(' ')).toBe(2)
    }
    expect(existsSync(join(dir, 'x.csv'))).toBe(false)
  })
})
