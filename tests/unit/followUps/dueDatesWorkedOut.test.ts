import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { appsInZones } from '../../helpers/context'
import { importFile, rows } from '../../helpers/importing'
import { ensureDerivedData } from '../../../src-main/feedback/derivedData'

/*
 * Follow-up due dates are derived data. Where they are worked out matters at a million rows: a read
 * (the inbox's counts) runs on the window's thread, and leaving them to it froze the window for about
 * a second per 200,000 imported rows (measured with the open bench). So the import works them out in
 * its own thread and transaction, and the opening's derived-data pass (in the open worker) does the
 * ones an older version or a changed rule left.
 */
const appIn = appsInZones()
const pending = (a: Awaited<ReturnType<typeof appIn>>) => rows<{ n: number }>(a.ctx.session.require(), 'SELECT count(*) n FROM follow_up_due WHERE pending = 1')[0].n

describe('follow-up due dates are worked out where the writing happens', () => {
  it('an import leaves no due date to be worked out by a later read', async () => {
    const a = await appIn('Asia/Ho_Chi_Minh')
    const open = a.ctx.session.require()
    const path = join(a.dir, 'scores.csv')
    writeFileSync(path, ['Date,NPS,Email,Comment', '2026-11-02 09:00,2,a@example.com,Slow', '2026-11-02 10:00,9,b@example.com,Good', '2026-11-03 11:00,5,c@example.com,Meh', ''].join('\n'))
    expect(await importFile(open, path)).toMatchObject({ imported: 3 })
    // Straight after the import, before any read: the two detractors are dated, none waits.
    expect(pending(a)).toBe(0)
    expect(rows<{ dated: number }>(open, 'SELECT count(*) dated FROM follow_up_due WHERE due_at IS NOT NULL')[0].dated).toBe(2)
  })

  it('the opening pass works out the ones left pending (an older version, a changed rule)', async () => {
    const a = await appIn('Asia/Ho_Chi_Minh')
    const open = a.ctx.session.require()
    for (const score of [1, 3, 10]) await a.api.call('feedback.create', { date: '2026-11-02', time: '09:00', metric: 'nps', score })
    open.ws.sqlite.exec('UPDATE follow_up_due SET pending = 1, due_at = NULL')
    expect(pending(a)).toBe(2)
    ensureDerivedData(open.ws.sqlite)
    expect(pending(a)).toBe(0)
    expect(rows<{ dated: number }>(open, 'SELECT count(*) dated FROM follow_up_due WHERE due_at IS NOT NULL')[0].dated).toBe(2)
  })
})
