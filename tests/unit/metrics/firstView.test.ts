import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { responseAdder } from './helpers'
import { cliMetric } from '../../../src-main/cli/metricsCommand'
import { reportFlags, reportOptionsFromArgs } from '../../../src-main/cli/reportCommand'
import { parseCommandLine } from '../../../src-main/cli/args'
import { commandSpecs } from '../../../src-main/cli/commands'
import { defaultPeriod } from '../../../src-shared/domain/defaultView'
import { periodEnd } from '../../../src-shared/domain/periods'

let app: TestApp
beforeEach(async () => {
  // The fake clock stands at 22 November 2026, 10:00 in Bangkok.
  app = await testAppInMemory({ timezone: 'Asia/Bangkok', name: 'First view' })
})
afterEach(() => app.cleanup())

/** Answers in March 2024 and October 2025, as the files of a new user who imports in late 2026. */
function importTwoYears() {
  const add = responseAdder(app.ctx.session.require())
  for (let i = 0; i < 40; i++) add('nps', i % 4 === 0 ? 3 : 9, { at: Date.UTC(2024, 2, 4 + (i % 20), 5) })
  for (let i = 0; i < 40; i++) add('nps', i % 2 === 0 ? 10 : 8, { at: Date.UTC(2025, 9, 2 + (i % 25), 5) })
}

describe('the first view after an import', () => {
  it('the data span says where the answers are, and nothing in an empty workspace', async () => {
    expect(await app.api.call('metrics.dataSpan', {})).toEqual({ span: null, today: '2026-11-22' })
    importTwoYears()
    expect(await app.api.call('metrics.dataSpan', {})).toEqual({ span: { first: '2024-03-04', last: '2025-10-26' }, today: '2026-11-22' })
  })

  it('the default month holds the data: the tiles show October 2025, not the empty November 2026', async () => {
    importTwoYears()
    const { span, today } = await app.api.call('metrics.dataSpan', {})
    const month = defaultPeriod('month', today, span)
    expect(month).toEqual({ key: '2025-10', partial: false })
    const tiles = await app.api.call('metrics.tiles', { by: 'month', compare: 'previous', filter: { to: periodEnd(month.key, 'month') } })
    expect(tiles.current).toEqual({ key: '2025-10', from: '2025-10-01', to: '2025-10-31' })
    expect(tiles.partial).toBe(false)
    expect(tiles.tiles.find((t) => t.metric === 'nps')).toMatchObject({ n: 40, value: 50 })
  })

  it('the month holding today is cut at today and compared with the same days of the month before ("so far")', async () => {
    const add = responseAdder(app.ctx.session.require())
    // 1–22 October: 10 answers; 23–31 October: 30 more that the first 22 days of November must not be compared with.
    for (let i = 0; i < 10; i++) add('nps', 10, { at: Date.UTC(2026, 9, 2 + i, 5) })
    for (let i = 0; i < 30; i++) add('nps', 0, { at: Date.UTC(2026, 9, 24 + (i % 7), 5) })
    for (let i = 0; i < 10; i++) add('nps', 10, { at: Date.UTC(2026, 10, 2 + i, 5) })
    const tiles = await app.api.call('metrics.tiles', { by: 'month', compare: 'previous', filter: {} })
    expect(tiles.partial).toBe(true)
    expect(tiles.current).toEqual({ key: '2026-11', from: '2026-11-01', to: '2026-11-22' })
    expect(tiles.comparison).toEqual({ key: '2026-10', from: '2026-10-01', to: '2026-10-22' })
    const nps = tiles.tiles.find((t) => t.metric === 'nps')!
    expect(nps.previous).toMatchObject({ value: 100, n: 10 })
    // Both sides all promoters: a margin of 0 on each side never makes a "significant" change.
    expect(nps.change?.significant).not.toBe(true)
  })

  it('without --from/--to the command line still covers all the data, not the default view', async () => {
    importTwoYears()
    const all = await cliMetric(app.api, { metric: 'nps', by: 'month', filter: {} })
    expect(all.overall.n).toBe(80)
    expect(all.rows.map((r) => r.period)).toEqual(['2024-03', '2025-10'])
  })
})

describe('the command line keeps covering all data', () => {
  it('cxdesk report without --from/--to asks for the whole span, whatever the app opens on', async () => {
    const args = (argv: string[]) => {
      const line = parseCommandLine(['report', 'w.cxdesk', ...argv], commandSpecs)
      if (line.kind !== 'run') throw new Error('expected a command')
      return reportFlags(line.args)
    }
    expect((await reportOptionsFromArgs(app.api, args([]))).period).toEqual({ preset: 'all' })
    expect((await reportOptionsFromArgs(app.api, args(['--from', '2025-10-01', '--to', '2025-10-31']))).period).toEqual({ preset: 'custom', from: '2025-10-01', to: '2025-10-31' })
  })
})
