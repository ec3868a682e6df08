import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { testAppInMemory, type TestApp } from '../../helpers/context'
import { destination } from '../../helpers/files'
import { freshWorkspace } from '../../helpers/db'
import { importFile, inspect, rows } from '../../helpers/importing'
import { writeGeneratorCsv } from '../../helpers/csv'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { customerHeader, isOwnExportHeader, responseHeader, surveyListHeader } from '../../../src-main/import/formats/ownExportFormat'

/*
 * CX Desk's CSV writer guards text a spreadsheet would run as a formula with a leading apostrophe
 * ('=…, '+…, '-…, '@…). The import takes it off again only in a file it recognises by its header as
 * CX Desk's own export; in any other file an apostrophe someone typed there is kept.
 */
let app: TestApp
let target: OpenWorkspace
beforeEach(async () => {
  app = await testAppInMemory({ timezone: 'Asia/Bangkok' })
  target = await freshWorkspace('Asia/Bangkok')
})
afterEach(async () => {
  target.ws.close()
  await app.cleanup()
})

const typed = ["'=hello", "'+66 81", "'-1", "'@home", "'quoted'"]

describe('the formula guard’s apostrophe', () => {
  it('is kept in a CSV that is not CX Desk’s export: what was typed comes in as typed', async () => {
    const file = join(app.dir, 'foreign.csv')
    writeGeneratorCsv(
      file,
      typed.map((t, i) => ({ response_id: `F${i}`, submitted_at: `2026-03-0${i + 1}T03:00:00Z`, comment: t, location: t, channel: t })),
    )
    expect(await importFile(target, file)).toMatchObject({ imported: typed.length, rejected: 0 })
    const stored = rows<{ comment: string; location: string; channel: string }>(target, 'SELECT comment, location, channel FROM responses ORDER BY submitted_at')
    expect(stored).toEqual(typed.map((t) => ({ comment: t, location: t, channel: t })))
  })

  it('is kept in a foreign customer file', async () => {
    const file = join(app.dir, 'crm.csv')
    writeFileSync(file, `customer_id,name,email,segment\r\nCUS-1,'=hello,a@example.com,'-VIP\r\n`)
    const insp = await inspect(target, file, 'customers')
    expect(await importFile(target, file, insp.mapping)).toMatchObject({ imported: 1, rejected: 0 })
    expect(rows(target, 'SELECT external_ref, name, segment FROM customers')).toEqual([{ external_ref: 'CUS-1', name: "'=hello", segment: "'-VIP" }])
  })

  it('is taken off in CX Desk’s own export, which round-trips: formula-like text and typed apostrophes alike', async () => {
    const file = join(app.dir, 'source.csv')
    const texts = ['=hello', '+66 81', '-1', '@home', ...typed]
    writeGeneratorCsv(
      file,
      texts.map((t, i) => ({ response_id: `O${i}`, submitted_at: `2026-03-${String(i + 10)}T03:00:00Z`, comment: t, location: t, channel: t })),
    )
    await importFile(app.ctx.session.require(), file)
    const exported = join(app.dir, 'export.csv')
    await app.api.call('export.run', { exportId: 'own-export', what: 'responses', format: 'csv', filter: {}, fileId: destination(app, exported, 'dataExport') })
    const text = readFileSync(exported, 'utf8')
    expect(text).toContain(",'=hello,")
    // An apostrophe typed before "=" gets the guard's own in front: it comes back with one.
    expect(text).toContain(",''=hello,")

    expect(await importFile(target, exported)).toMatchObject({ imported: texts.length, rejected: 0 })
    const stored = rows<{ comment: string; location: string; channel: string }>(target, 'SELECT comment, location, channel FROM responses ORDER BY submitted_at')
    expect(stored).toEqual(texts.map((t) => ({ comment: t, location: t, channel: t })))
  })

  it('recognises the exports by their header rows, and nothing else', () => {
    expect(isOwnExportHeader([...responseHeader], 'responses')).toBe(true)
    expect(isOwnExportHeader(['\uFEFFresponse_id', ...responseHeader.slice(1), 'my notes'], 'responses')).toBe(true)
    expect(isOwnExportHeader(responseHeader.slice(0, -1), 'responses')).toBe(false)
    expect(isOwnExportHeader(responseHeader.slice(0, 14), 'responses')).toBe(false)
    expect(isOwnExportHeader([...customerHeader], 'customers')).toBe(true)
    expect(isOwnExportHeader([...surveyListHeader], 'customers')).toBe(true)
    expect(isOwnExportHeader([...surveyListHeader, 'notes'], 'customers')).toBe(false)
    expect(isOwnExportHeader([...customerHeader], 'responses')).toBe(false)
  })
})
