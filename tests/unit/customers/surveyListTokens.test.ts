import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testApp, testAppInMemory, type TestApp } from '../../helpers/context'
import { createWorkspaceAt, destination, openWorkspaceAt } from '../../helpers/files'

// "I sent it" after an export: the exported list is kept in the workspace under its token, so the
// send can be confirmed after the app was closed and opened again; for 14 days, the newest 20.
const NOW = Date.UTC(2026, 10, 22, 3, 0, 0)
const DAY = 86_400_000
const apps: TestApp[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const a of apps.splice(0)) await a.cleanup()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const started = (a: TestApp) => (apps.push(a), a)
const blank = { ref: null, phone: null, segment: null, location: null, customerSince: null, churnedAt: null }
const customer = async (a: TestApp, name: string) => (await a.api.call('customers.save', { customer: { ...blank, name, email: `${name.toLowerCase()}@example.com` } })).customer.id
const exportList = async (a: TestApp, name = 'list.csv') => (await a.api.call('customers.surveyListExport', { channel: 'email', fileId: destination(a, join(a.dir, name), 'dataExport') }))!
const clockOf = (a: TestApp) => a.ctx.clock as unknown as { set(ms: number): void; advance(ms: number): void }

describe('an exported survey list, kept in the workspace', () => {
  it('can have its send recorded after the workspace was closed and opened again (another app, as after a restart)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxdesk-tokens-'))
    dirs.push(dir)
    const path = join(dir, 'shop.cxdesk')
    const first = started(testApp({ timezone: 'Asia/Ho_Chi_Minh' }))
    await createWorkspaceAt(first, path)
    const a = await customer(first, 'An')
    const b = await customer(first, 'Binh')
    const written = await exportList(first, 'sent.csv')
    expect(written.rows).toBe(2)
    await first.ctx.session.close()

    const second = started(testApp({ timezone: 'Asia/Ho_Chi_Minh' }))
    await openWorkspaceAt(second, path)
    // The list waiting for its confirmation is offered again, with what the file held.
    expect(await second.api.call('customers.pendingSurveyLists', {})).toEqual([
      { token: written.token, channel: 'email', fileName: 'sent.csv', rows: 2, exportedAt: NOW, expiresAt: NOW + 14 * DAY },
    ])
    const sent = await second.api.call('customers.surveyListRecord', { token: written.token })
    expect(sent.recorded).toBe(2)
    const surveyed = second.ctx.session.require().ws.sqlite.prepare('SELECT customer_id FROM customer_contacts WHERE send_id = ? ORDER BY customer_id').pluck().all(sent.send)
    expect(surveyed).toEqual([a, b])
    // Recorded: no longer waiting, its customer ids let go, and a second confirmation is refused.
    expect(await second.api.call('customers.pendingSurveyLists', {})).toEqual([])
    expect(second.ctx.session.require().ws.sqlite.prepare('SELECT customer_ids FROM survey_list_exports').pluck().get()).toBeNull()
    await expect(second.api.call('customers.surveyListRecord', { token: written.token })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/already recorded/) })
  })

  it('expires 14 days after the export, and only the newest 20 exports are kept', async () => {
    const app = started(await testAppInMemory({ timezone: 'Asia/Ho_Chi_Minh' }))
    await customer(app, 'Chi')
    const old = await exportList(app)
    clockOf(app).advance(14 * DAY)
    const fresh = await exportList(app)
    // Exactly 14 days on, still recordable; a moment later, not.
    expect((await app.api.call('customers.pendingSurveyLists', {})).map((p) => p.token)).toEqual([fresh.token, old.token])
    clockOf(app).advance(1)
    expect((await app.api.call('customers.pendingSurveyLists', {})).map((p) => p.token)).toEqual([fresh.token])
    await expect(app.api.call('customers.surveyListRecord', { token: old.token })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/more than 14 days ago/) })

    const tokens: string[] = []
    for (let i = 0; i < 21; i++) tokens.push((await exportList(app, `l${i}.csv`)).token)
    const pending = (await app.api.call('customers.pendingSurveyLists', {})).map((p) => p.token)
    expect(pending).toEqual(tokens.slice(1).reverse())
    expect(app.ctx.session.require().ws.sqlite.prepare('SELECT count(*) FROM survey_list_exports').pluck().get()).toBe(20)
    await expect(app.api.call('customers.surveyListRecord', { token: tokens[0] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await app.api.call('customers.surveyListRecord', { token: tokens[20] })).recorded).toBe(1)
  })

  it('records only customers the file held: not one who took a freed id after the export', async () => {
    const app = started(await testAppInMemory({ timezone: 'Asia/Ho_Chi_Minh' }))
    const a = await customer(app, 'Dao')
    const b = await customer(app, 'Em')
    const written = await exportList(app)
    clockOf(app).advance(DAY)
    const db = app.ctx.session.require().ws.sqlite
    db.prepare('DELETE FROM customers WHERE id = ?').run(b)
    db.prepare("INSERT INTO customers (id, name, email, created_at, updated_at) VALUES (?, 'Someone new', 'new@example.com', ?, ?)").run(b, NOW + DAY, NOW + DAY)
    const sent = await app.api.call('customers.surveyListRecord', { token: written.token })
    expect(sent.recorded).toBe(1)
    expect(db.prepare('SELECT customer_id FROM customer_contacts WHERE send_id = ?').pluck().all(sent.send)).toEqual([a])
  })
})
