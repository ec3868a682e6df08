import { afterEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { testApp, testAppInMemory, type TestApp } from '../../helpers/context'
import { createWorkspaceAt, destination } from '../../helpers/files'
import { importFile, rows } from '../../helpers/importing'
import { writeGeneratorCsv, type GeneratorRow } from '../../helpers/csv'
import { cxdeskInProcess } from '../../helpers/cliInProcess'
import { monthsBefore } from '../../../src-main/privacy/privacyService'

let apps: TestApp[] = []
afterEach(async () => {
  for (const a of apps) await a.cleanup()
  apps = []
})

const EMAIL = 'erased.person@example.org'

const others: GeneratorRow[] = [10, 9, 6].map((score, i) => ({ response_id: 100 + i, customer_id: `C${i}`, customer_email: `other${i}@example.com`, score, comment: 'Nice place' }))
const theirs: GeneratorRow[] = [3, 8].map((score, i) => ({ response_id: 1 + i, customer_id: 'ERASED-1', customer_email: EMAIL, score, comment: 'Personal remark' }))

describe('tombstones', () => {
  for (const mode of ['anonymise', 'delete'] as const)
    it(`a re-import of the old file or of an old export skips the erased person's rows and says so (${mode})`, async () => {
      const a = testApp({ timezone: 'Asia/Bangkok' })
      apps.push(a)
      await createWorkspaceAt(a, join(a.dir, 'w.cxdesk'), { name: 'W', timezone: 'Asia/Bangkok' })
      const open = a.ctx.session.require()
      const csv = join(a.dir, 'answers.csv')
      writeGeneratorCsv(csv, [...others, ...theirs])
      expect((await importFile(open, csv)).imported).toBe(5)
      // An export made before the erasure (its rows get keys of their own when imported: person keys stop them).
      const exported = join(a.dir, 'old-export.csv')
      await a.api.call('export.run', { exportId: 'before-erasure', what: 'responses', format: 'csv', filter: {}, fileId: destination(a, exported, 'dataExport') })

      await a.api.call('privacy.erase', { subject: { query: EMAIL }, mode })
      const count = () => rows<{ n: number }>(open, 'SELECT count(*) n FROM responses')[0].n
      const stored = count()

      const check = await importFile(open, csv, undefined, { dryRun: true })
      expect(check).toMatchObject({ imported: 0, duplicates: 3, erased: 2 })
      const again = await importFile(open, csv)
      expect(again).toMatchObject({ imported: 0, duplicates: 3, erased: 2 })
      const fromExport = await importFile(open, exported)
      expect(fromExport).toMatchObject({ imported: 0, erased: 2 })
      expect(count()).toBe(stored)
      expect(rows(open, 'SELECT id FROM responses WHERE comment = ?', 'Personal remark')).toEqual([])
      expect(rows(open, 'SELECT id FROM customers WHERE email = ?', EMAIL)).toEqual([])
      // The tombstones hold keyed hashes, not the keys.
      const hashes = rows<{ hash: Buffer }>(open, 'SELECT hash FROM privacy_tombstones')
      for (const h of hashes) expect(h.hash.toString('latin1')).not.toContain('erased')
    })

  it('a workspace that erased no one imports as before (nothing skipped)', async () => {
    const a = await testAppInMemory({ timezone: 'Asia/Bangkok' })
    apps.push(a)
    const csv = join(a.dir, 'answers.csv')
    writeGeneratorCsv(csv, [...others, ...theirs])
    expect(await importFile(a.ctx.session.require(), csv)).toMatchObject({ imported: 5, erased: 0 })
  })
})

describe('retention', () => {
  // The clock stands at 2026-11-22; 24 months before is 2024-11-22.
  const dated: GeneratorRow[] = [
    { response_id: 1, submitted_at: '2023-05-01T03:00:00.000Z', score: 9, comment: 'Old comment one', customer_email: 'a@example.com' },
    { response_id: 2, submitted_at: '2024-11-20T03:00:00.000Z', score: 3, comment: '', customer_email: 'b@example.com' },
    { response_id: 3, submitted_at: '2024-11-23T03:00:00.000Z', score: 10, comment: 'Recent enough', customer_email: 'c@example.com' },
    { response_id: 4, submitted_at: '2026-01-10T03:00:00.000Z', score: 7, comment: 'New comment', customer_email: 'd@example.com' },
  ]

  it('months before a day, clamped to the month', () => {
    expect(monthsBefore('2026-11-22', 24)).toBe('2024-11-22')
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28')
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15')
  })

  it('the preview counts what applying touches; scores stay; applying again touches nothing; logged', async () => {
    const a = await testAppInMemory({ timezone: 'Asia/Bangkok' })
    apps.push(a)
    const open = a.ctx.session.require()
    const csv = join(a.dir, 'dated.csv')
    writeGeneratorCsv(csv, dated)
    await importFile(open, csv)
    const [old] = rows<{ id: number }>(open, 'SELECT id FROM responses WHERE comment = ?', 'Old comment one')
    await a.api.call('feedback.addNote', { id: old.id, body: 'Called back' })
    const npsBefore = (await a.api.call('metrics.series', { metric: 'nps', filter: {} })).overall

    expect(await a.api.call('privacy.retention', {})).toEqual({ rule: null, preview: null })
    const preview = await a.api.call('privacy.previewRetention', { months: 24 })
    expect(preview).toEqual({ before: '2024-11-22', responses: 2, comments: 1, notes: 1, contacts: 0 })
    await a.api.call('privacy.saveRetention', { rule: { months: 24, action: 'anonymise' } })
    expect((await a.api.call('privacy.retention', {})).preview).toEqual(preview)
    const applied = await a.api.call('privacy.applyRetention', {})
    expect(applied).toEqual(preview)

    expect(rows<{ comment: string | null; customer_id: number | null }>(open, 'SELECT comment, customer_id FROM responses ORDER BY submitted_at')).toEqual([
      { comment: null, customer_id: null },
      { comment: null, customer_id: null },
      { comment: 'Recent enough', customer_id: expect.any(Number) },
      { comment: 'New comment', customer_id: expect.any(Number) },
    ])
    expect(rows(open, 'SELECT * FROM notes')).toEqual([])
    expect((await a.api.call('feedback.list', { filter: { text: 'Old' }, limit: 5 })).total).toBe(0)
    expect((await a.api.call('metrics.series', { metric: 'nps', filter: {} })).overall).toEqual(npsBefore)
    expect(await a.api.call('privacy.previewRetention', { months: 24 })).toMatchObject({ responses: 0 })
    expect(await a.api.call('privacy.applyRetention', {})).toMatchObject({ responses: 0 })

    const log = await a.api.call('privacy.audit', {})
    expect(log.items.map((e) => e.action)).toEqual(['retention.apply', 'retention.apply', 'retention.rule'])
    expect(log.items[1].detail).toMatchObject({ trigger: 'manual', months: 24, responses: 2, comments: 1, notes: 1 })
  })

  it('is applied when the workspace opens', async () => {
    const a = testApp({ timezone: 'Asia/Bangkok' })
    apps.push(a)
    const path = join(a.dir, 'w.cxdesk')
    await createWorkspaceAt(a, path, { name: 'W', timezone: 'Asia/Bangkok' })
    const csv = join(a.dir, 'dated.csv')
    writeGeneratorCsv(csv, dated)
    await importFile(a.ctx.session.require(), csv)
    await a.api.call('privacy.saveRetention', { rule: { months: 24, action: 'anonymise' } })
    await a.ctx.session.close()
    await a.api.call('workspace.open', { fileId: a.ctx.files.registerWorkspace(path) })
    const open = a.ctx.session.require()
    expect(rows(open, "SELECT id FROM responses WHERE comment = 'Old comment one'")).toEqual([])
    const log = await a.api.call('privacy.audit', {})
    expect(log.items[0]).toMatchObject({ action: 'retention.apply', actor: null, detail: { trigger: 'open', responses: 2 } })
  })
})

describe('cxdesk erase', () => {
  it('refuses without --yes and says what would be erased; erases with it; --json', async () => {
    const a = testApp({ timezone: 'Asia/Bangkok' })
    apps.push(a)
    const path = join(a.dir, 'w.cxdesk')
    await createWorkspaceAt(a, path, { name: 'W', timezone: 'Asia/Bangkok' })
    const csv = join(a.dir, 'answers.csv')
    writeGeneratorCsv(csv, [...others, ...theirs])
    await importFile(a.ctx.session.require(), csv)
    await a.ctx.session.close()

    const cli = async (...argv: string[]) => {
      const r = await cxdeskInProcess(argv, { cwd: a.dir, env: { CXDESK_HOME: join(a.dir, 'home'), TZ: 'Asia/Bangkok' } })
      return { code: r.code, out: r.stdout, err: r.stderr }
    }
    const dry = await cli('erase', path, '--customer', EMAIL)
    expect(dry.code).toBe(2)
    expect(dry.err).toContain('1 customer, 2 responses (2 comments')
    expect(dry.err).toContain('--yes')
    const missing = await cli('erase', path, '--customer', 'nobody@example.org', '--yes')
    expect(missing.code).toBe(1)
    const done = await cli('erase', path, '--customer', EMAIL, '--anonymise', '--yes', '--json')
    expect(done.code).toBe(0)
    expect(JSON.parse(done.out)).toMatchObject({ mode: 'anonymise', customers: 1, responses: 2, comments: 2, checkpointed: true })
    const again = await cli('erase', path, '--customer', EMAIL, '--yes')
    expect(again.code).toBe(1)
  })
})
