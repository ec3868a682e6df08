import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testAppInMemory, type TestApp } from '../../helpers/context'

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
})
