import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDispatcher } from '../../../src-main/app/dispatch'
import { handlers } from '../../../src-main/handlers/index'
import type { AppContext } from '../../../src-main/app/context'
import { AppError } from '../../../src-shared/api/result'
import type { Handlers } from '../../../src-shared/api/contract'
import { testAppInMemory, type TestApp } from '../../helpers/context'

let app: TestApp
beforeEach(async () => {
  app = await testAppInMemory({ name: 'Dispatch' })
})
afterEach(() => app.cleanup())

/** The real handlers, each wrapped in a spy, so a test can prove none ran. */
function spiedDispatcher(ctx: AppContext) {
  const spies = Object.fromEntries(Object.entries(handlers).map(([k, h]) => [k, vi.fn(h as (...a: unknown[]) => unknown)])) as unknown as Handlers<AppContext>
  return { invoke: createDispatcher(spies, ctx, { validateResponses: true }), spies: Object.values(spies) as unknown as ReturnType<typeof vi.fn>[] }
}

const rowCount = (app: TestApp) => (app.ctx.session.require().ws.sqlite.prepare('SELECT (SELECT count(*) FROM responses) + (SELECT count(*) FROM imports) + (SELECT count(*) FROM meta) n').get() as { n: number }).n

describe('the contract dispatcher', () => {
  const bad: Array<[string, string, unknown, string]> = [
    ['unknown channel', 'feedback.delete_everything', {}, 'UNKNOWN_CHANNEL'],
    ['prototype-looking channel', '__proto__', {}, 'UNKNOWN_CHANNEL'],
    ['malformed payload', 'feedback.list', 'not an object', 'VALIDATION'],
    ['null payload', 'feedback.list', null, 'VALIDATION'],
    ['wrong type', 'feedback.list', { limit: '50' }, 'VALIDATION'],
    ['out of range', 'feedback.list', { limit: 100_000 }, 'VALIDATION'],
    ['unknown key', 'feedback.list', { limit: 10, sql: 'DROP TABLE responses' }, 'VALIDATION'],
    ['oversized string', 'workspace.create', { name: 'x'.repeat(10_000) }, 'VALIDATION'],
    ['a path where a file id is meant', 'workspace.open', { fileId: '/'.repeat(5_000) }, 'VALIDATION'],
    ['bad enum', 'metrics.series', { metric: 'nps', by: 'fortnight' }, 'VALIDATION'],
    ['bad date', 'metrics.series', { metric: 'nps', by: 'month', filter: { from: '31/12/2025' } }, 'VALIDATION'],
    ['bad time zone', 'workspace.setTimezone', { timezone: '../../etc/passwd' }, 'VALIDATION'],
    ['bad file id', 'import.run', { fileId: 'x' }, 'VALIDATION'],
  ]

  it.each(bad)('refuses a %s without calling any handler or writing anything', async (_label, channel, payload, code) => {
    const { invoke, spies } = spiedDispatcher(app.ctx)
    const before = rowCount(app)
    const result = await invoke(channel, payload)
    expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(/\S/) } })
    for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    expect(rowCount(app)).toBe(before)
  })

  it('passes a valid request to its handler and returns data as a value', async () => {
    const result = await app.invoke('feedback.list', { limit: 5 })
    expect(result).toEqual({ ok: true, data: { items: [], nextCursor: null, total: 0 } })
  })

  it('names the field of a bad date, in the message and the details', async () => {
    const result = await app.invoke('metrics.series', { metric: 'nps', by: 'month', filter: { from: '31/12/2025' } })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('filter.from'), details: { issues: [{ path: ['filter', 'from'] }] } } })
  })

  it('fills defaults from the schema', async () => {
    const { invoke, spies } = spiedDispatcher(app.ctx)
    const list = spies.find((s) => s.getMockImplementation() === handlers['feedback.list'])!
    const result = await invoke('feedback.list', {})
    // The handler is given the schema's defaults (50 a page, with the total), and the total is there.
    expect(list).toHaveBeenCalledWith({ limit: 50, withTotal: true }, app.ctx)
    expect(result).toEqual({ ok: true, data: { items: [], nextCursor: null, total: 0 } })
  })

  it('returns an AppError from a handler as its code and message', async () => {
    const result = await app.invoke('import.run', { fileId: 'abcdefghijkl' })
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } })
  })

  it('turns an unexpected exception into INTERNAL without throwing', async () => {
    const broken = { ...handlers, 'feedback.list': () => { throw new TypeError('boom') } } as Handlers<AppContext>
    const onInternalError = vi.fn()
    const invoke = createDispatcher(broken, app.ctx, { onInternalError })
    const result = await invoke('feedback.list', {})
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('boom') } })
    expect(onInternalError).toHaveBeenCalledOnce()
  })

  it('catches a handler whose response breaks the contract', async () => {
    const drifting = { ...handlers, 'feedback.list': () => ({ items: 'oops' }) } as unknown as Handlers<AppContext>
    const result = await createDispatcher(drifting, app.ctx, { validateResponses: true })('feedback.list', {})
    expect(result.ok).toBe(false)
  })

  it('keeps AppError details', async () => {
    const failing = { ...handlers, 'feedback.list': () => { throw new AppError('NO_WORKSPACE', 'none', { hint: 1 }) } } as Handlers<AppContext>
    expect(await createDispatcher(failing, app.ctx)('feedback.list', {})).toEqual({ ok: false, error: { code: 'NO_WORKSPACE', message: 'none', details: { hint: 1 } } })
  })

  it('says NO_WORKSPACE when a workspace channel is used with none open', async () => {
    await app.api.call('workspace.close', {})
    expect(await app.invoke('metrics.series', { metric: 'nps', by: 'month' })).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } })
  })
})
