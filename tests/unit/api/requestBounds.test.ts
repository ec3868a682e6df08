import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { contract } from '../../../src-shared/api/contract'
import { arrayMax, defOf, isInteger, numberBounds, recordMaxKeys, stringMax, walk } from '../../helpers/schemaWalk'
import { testApp, type TestApp } from '../../helpers/context'
import { writeFeedbackCsv } from '../../bench/writeFeedbackCsv'
import { join } from 'node:path'

/** Fields that hold instants or durations: whole milliseconds, never fractions. */
const TIME_FIELD = /(At|Ms)$/

/** Every way a request schema could let a caller send more than the app expects. */
function unbounded(channel: string, request: z.ZodType): string[] {
  const problems: string[] = []
  walk(request, (node, d, path) => {
    const where = `${channel} ${path || '(request)'}`
    const field = path.split(/[.[|{]/).filter(Boolean).pop() ?? ''
    if (d.type === 'string' && stringMax(node) === null) problems.push(`${where}: a string without a maximum length`)
    if (d.type === 'array' && arrayMax(node) === null) problems.push(`${where}: an array without a maximum length`)
    if (d.type === 'record' && recordMaxKeys(node) === null) problems.push(`${where}: a record without a maximum number of keys`)
    if (d.type === 'number') {
      const { min, max } = numberBounds(node)
      if (min === null || max === null) problems.push(`${where}: a number without both bounds`)
      if (TIME_FIELD.test(field) && !isInteger(node)) problems.push(`${where}: a time that is not an integer`)
    }
    if (d.type === 'object' && (!d.catchall || defOf(d.catchall).type !== 'never')) problems.push(`${where}: an object that is not strict`)
    if (['unknown', 'any', 'custom', 'bigint', 'date', 'map', 'set'].includes(d.type)) problems.push(`${where}: a ${d.type} field`)
  })
  return problems
}

describe('every request of the contract is bounded', () => {
  it('has no unbounded string, array, record or number, no fractional time, no loose object', () => {
    const problems = Object.entries(contract).flatMap(([channel, def]) => unbounded(channel, def.request))
    expect(problems).toEqual([])
  })

  it('would notice an unbounded field (the check itself can fail)', async () => {
    const { z } = await import('zod')
    expect(unbounded('x', z.strictObject({ a: z.string(), b: z.array(z.number().int()), doneAt: z.number().min(0).max(1), r: z.record(z.string().max(1), z.boolean()) }))).toEqual([
      'x a: a string without a maximum length',
      'x b: an array without a maximum length',
      'x doneAt: a time that is not an integer',
      'x r: a record without a maximum number of keys',
    ])
    expect(unbounded('x', z.object({ n: z.number() }))).toEqual(['x (request): an object that is not strict', 'x n: a number without both bounds'])
  })
})

describe('feedback.restore holds to the contract’s limits (defect 5)', () => {
  let app: TestApp
  let previous: Array<Record<string, unknown>>
  beforeAll(async () => {
    app = testApp()
    await app.api.call('workspace.create', { name: 'Restore' })
    const csv = join(app.dir, 'r.csv')
    await writeFeedbackCsv(csv, 20)
    await app.api.call('import.run', { fileId: app.ctx.files.register(csv).id })
    const ids = (await app.api.call('feedback.list', { limit: 3 })).items.map((i) => i.id)
    previous = (await app.api.call('feedback.update', { ids, owner: 'Lan' })).previous
  })
  afterAll(() => app.cleanup())

  const owners = () => app.api.call('feedback.list', { limit: 3 }).then((r) => r.items.map((i) => i.owner))

  it('refuses a 500,000-character owner as VALIDATION and stores nothing', async () => {
    const before = await owners()
    const res = await app.invoke('feedback.restore', { items: [{ ...previous[0], owner: 'x'.repeat(500_000) }] })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await owners()).toEqual(before)
  })

  it('refuses fractional and out-of-range times, over-long names and unknown keys as VALIDATION, not INTERNAL', async () => {
    for (const bad of [{ statusChangedAt: 1.5 }, { resolvedAt: 1e300 }, { statusChangedAt: -1e300 }, { id: 0.5 }, { statusChangedBy: 'y'.repeat(201) }, { extra: true }])
      expect(await app.invoke('feedback.restore', { items: [{ ...previous[0], ...bad }] }), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('still takes back what feedback.update returned', async () => {
    await expect(app.api.call('feedback.restore', { items: previous as never })).resolves.toEqual({ updated: 3 })
    expect(await owners()).toEqual([null, null, null])
  })
})
