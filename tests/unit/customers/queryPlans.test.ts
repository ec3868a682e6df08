import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { WHOLE_READ } from '../../../src-main/customers/riskFactsRepository'

let app: TestApp
beforeEach(async () => {
  app = await testAppInMemory({ timezone: 'Asia/Bangkok', seed: 'cafeDemo' })
  app.ctx.session.require().ws.sqlite.exec('ANALYZE')
})
afterEach(() => app.cleanup())

const plan = (sql: string, ...args: unknown[]) =>
  (app.ctx.session.require().ws.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')

describe('the customers queries read through their indexes (issue 16)', () => {
  it('a page filtered by segment or location reads in the list order, with no sort', () => {
    const page = (col: string) => plan(`SELECT c.id FROM customers c WHERE c.${col} = ? ORDER BY ifnull(c.name, ''), c.id LIMIT 101`, 'x')
    expect(page('segment')).toContain('customers_segment_sort')
    expect(page('location')).toContain('customers_location_sort')
    expect(page('segment')).not.toContain('TEMP B-TREE')
    expect(page('location')).not.toContain('TEMP B-TREE')
  })

  it('changes since a seq, and one customer\'s responses, are index ranges', () => {
    expect(plan('SELECT customer_id, seq FROM customer_changes WHERE seq > ? ORDER BY seq LIMIT ?', 0, 10)).toMatch(/SEARCH customer_changes USING (COVERING )?INDEX customer_changes_seq \(seq>\?\)/)
    expect(plan('SELECT count(*) FROM responses WHERE customer_id = ?', 1)).toMatch(/SEARCH responses USING COVERING INDEX responses_customer_time \(customer_id=\?\)/)
  })

  it('the survey list reads the recent responses\' customers and dates from one index alone (contactRepository.recentResponseDays)', () => {
    // A range of responses_newest by time, local_date and customer_id in the index: no table row read.
    expect(plan('SELECT customer_id, local_date FROM responses WHERE submitted_at >= ? AND local_date >= ? AND +customer_id IS NOT NULL', 0, '2025-10-01')).toMatch(
      /^SEARCH responses USING COVERING INDEX responses_newest \(submitted_at>\?\)$/,
    )
    // The customers' pass reads the table in its own order; the preview walks the list's order with no sort.
    expect(plan('SELECT id, email, phone, churned_at FROM customers')).toBe('SCAN customers')
    expect(plan("SELECT id, external_ref, name, email, phone, segment, location FROM customers ORDER BY ifnull(name, ''), id")).not.toContain('TEMP B-TREE')
  })

  it('the risk pass reads every response off responses_customer_time in order, going to the table only for a closed poor answer without a resolution time', () => {
    const sqlite = app.ctx.session.require().ws.sqlite
    const p = plan(WHOLE_READ, 1, 100)
    expect(p).toMatch(/SEARCH r USING INDEX responses_customer_time \(customer_id>\? AND customer_id<\?\)/)
    expect(p).not.toContain('TEMP B-TREE')
    // The one column not in the index comes through a deferred seek: the table row is looked up
    // only where the CASE reads status_changed_at.
    const ops = (sqlite.prepare(`EXPLAIN ${WHOLE_READ}`).all(1, 100) as Array<{ opcode: string }>).map((r) => r.opcode)
    expect(ops).toContain('DeferredSeek')
    expect(ops).not.toContain('SorterOpen')
  })
})
