import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppContext } from '../../../src-main/app/createAppContext'
import { createDispatcher } from '../../../src-main/app/dispatch'
import { handlers } from '../../../src-main/handlers/index'
import { clientFromInvoke } from '../../../src-shared/api/client'
import type { ApiClient } from '../../../src-shared/api/contract'
import { fakeClock } from '../../helpers/clock'

/**
 * Through the API, as the app and the CLI call it (imports run in their worker threads: slow to start
 * on a loaded machine, hence the generous timeouts). The scenario: a Vietnamese shop's workspace made on a machine set to UTC, a Google Forms
 * export stamped GMT+7 and a Thai export written without zones (Buddhist-era years).
 */
let dir: string
let api: ApiClient
let ctx: ReturnType<typeof createAppContext>
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-zones-'))
  // What a machine with TZ=UTC gives the app as the system's zone.
  ctx = createAppContext({
    platform: { kind: 'cli', systemLocales: () => [] },
    paths: { dataDir: join(dir, 'data'), workspacesDir: dir, uploadsDir: join(dir, 'data', 'uploads') },
    clock: fakeClock(),
    usePreferences: false,
    defaultTimezone: 'UTC',
  })
  api = clientFromInvoke(createDispatcher(handlers, ctx, { validateResponses: true }))
})
afterEach(async () => {
  await ctx.session.close()
  rmSync(dir, { recursive: true, force: true })
})

const LAST_DAY = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31]
interface Answer {
  at: number
  score: number
}
const gfAnswers: Answer[] = []
const thaiAnswers: Answer[] = []
const gfLines = ['"Timestamp","Email Address","How likely are you to recommend us to a friend or colleague?"']
const thaiLines = ['Date,NPS']
for (let m = 1; m <= 10; m++) {
  const mm = String(m).padStart(2, '0')
  for (const [i, email] of ['a', 'b'].entries()) {
    gfLines.push(`"2025/${mm}/15 ${10 + i}:00:00 AM GMT+7","${email}@example.com","10"`)
    gfAnswers.push({ at: Date.UTC(2025, m - 1, 15, 3 + i), score: 10 })
  }
  // Half past one in the morning in Vietnam on the 1st: still the previous month in UTC.
  if (m % 2) {
    gfLines.push(`"2025/${mm}/01 1:30:00 AM GMT+7","c@example.com","0"`)
    gfAnswers.push({ at: Date.UTC(2025, m - 1, 1, -6, 30), score: 0 })
  }
  // Eight in the evening in Bangkok on the last day: already the next month when read as UTC.
  thaiLines.push(`${LAST_DAY[m - 1]}/${mm}/2568 20:00,${m % 3 ? 3 : 9}`)
  thaiAnswers.push({ at: Date.UTC(2025, m - 1, LAST_DAY[m - 1], 13), score: m % 3 ? 3 : 9 })
}

/** Monthly NPS computed directly from the instants, with months cut in Vietnam: the oracle. */
function expectedMonthly(answers: Answer[]): Record<string, number> {
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
  const by = new Map<string, number[]>()
  for (const a of answers) {
    const p = month.format(new Date(a.at)).slice(0, 7)
    by.set(p, [...(by.get(p) ?? []), a.score])
  }
  return Object.fromEntries(
    [...by].map(([p, s]) => [p, Math.round((1000 * (s.filter((x) => x >= 9).length - s.filter((x) => x <= 6).length)) / s.length) / 10]),
  )
}

async function monthlyNps(): Promise<Record<string, number>> {
  const s = await api.call('metrics.series', { metric: 'nps', by: 'month' })
  // From the summaries the import and the re-read keep, not recomputed from the rows.
  expect(s.source).toBe('rollups')
  return Object.fromEntries(s.rows.filter((r) => r.n > 0 && r.value !== null).map((r) => [String(r.period).slice(0, 7), Math.round((r.value as number) * 10) / 10]))
}

async function importCsv(name: string, lines: string[], zone?: string) {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  const fileId = ctx.files.register(path).id
  const insp = await api.call('import.inspect', { fileId, kind: 'responses' })
  const mapping = { ...insp.mapping, dateOrder: insp.mapping.dateOrder ?? 'dmy', ...(zone ? { timezone: zone } : {}) }
  return api.call('import.run', { fileId, mapping })
}

const WANTED = expectedMonthly([...gfAnswers, ...thaiAnswers])

describe('time zones: chosen, recorded, and repairable', () => {
  it('a workspace made on a UTC machine, repaired: workspace zone changed, then the Thai import re-read in Bangkok, undoable', async () => {
    const info = await api.call('workspace.create', { fileId: ctx.files.registerDestination(join(dir, 'shop.cxdesk'), 'newWorkspace') })
    expect(info?.timezone).toBe('UTC')
    const gf = await importCsv('google-forms.csv', gfLines)
    const thai = await importCsv('thai.csv', thaiLines)
    expect(gf).toMatchObject({ imported: 25, rejected: 0 })
    expect(thai).toMatchObject({ imported: 10, rejected: 0 })
    const history = (await api.call('import.list', {})).imports
    expect(history.map((i) => [i.fileName, i.timezone, i.responses, i.readInZone])).toEqual([
      ['thai.csv', 'UTC', 10, 10],
      ['google-forms.csv', 'UTC', 25, 0],
    ])
    expect(await monthlyNps()).not.toEqual(WANTED)

    // The workspace's zone cuts the months; it does not move instants already imported.
    await api.call('workspace.setTimezone', { timezone: 'Asia/Ho_Chi_Minh' })
    expect(await monthlyNps()).toEqual(expectedMonthly([...gfAnswers, ...thaiAnswers.map((a) => ({ ...a, at: a.at + 7 * 3_600_000 }))]))

    const reread = await api.call('import.reread', { importId: thai.importId as number, timezone: 'Asia/Bangkok' })
    expect(reread).toMatchObject({ previousZone: 'UTC', timezone: 'Asia/Bangkok', moved: 10 })
    expect(await monthlyNps()).toEqual(WANTED)
    // Stamped with their offset: nothing to move.
    expect(await api.call('import.reread', { importId: gf.importId as number, timezone: 'Asia/Bangkok' })).toMatchObject({ moved: 0 })

    // Undo, and redo: exactly back and forth.
    await api.call('import.reread', { importId: thai.importId as number, timezone: reread.previousZone })
    expect(await monthlyNps()).not.toEqual(WANTED)
    await api.call('import.reread', { importId: thai.importId as number, timezone: 'Asia/Bangkok' })
    expect(await monthlyNps()).toEqual(WANTED)
    expect((await api.call('import.list', {})).imports[0]).toMatchObject({ fileName: 'thai.csv', timezone: 'Asia/Bangkok' })

    // Keys never depended on the zone: importing the file again adds nothing.
    expect(await importCsv('thai.csv', thaiLines, 'Asia/Bangkok')).toMatchObject({ imported: 0, duplicates: 10 })
  }, 240_000)

  it('zone chosen at creation and for the import: right from the first import; bad zones and old imports refused in plain words', async () => {
    await api.call('workspace.create', { fileId: ctx.files.registerDestination(join(dir, 'shop.cxdesk'), 'newWorkspace'), timezone: 'Asia/Ho_Chi_Minh' })
    await importCsv('google-forms.csv', gfLines)
    const thai = await importCsv('thai.csv', thaiLines, 'Asia/Bangkok')
    expect(await monthlyNps()).toEqual(WANTED)
    const mapping = JSON.parse(String(ctx.session.require().ws.sqlite.prepare('SELECT mapping FROM imports WHERE id = ?').pluck().get(thai.importId)))
    expect(mapping).toMatchObject({ timezone: 'Asia/Bangkok', dateOrder: 'dmy' })

    // An unknown zone is refused; an import made before zones were recorded says why it cannot be re-read.
    await expect(api.call('import.reread', { importId: thai.importId as number, timezone: 'Mars/Olympus' })).rejects.toThrow(/Unknown time zone/)
    ctx.session.require().ws.sqlite.prepare('UPDATE imports SET timezone = NULL').run()
    await expect(api.call('import.reread', { importId: thai.importId as number, timezone: 'Asia/Bangkok' })).rejects.toThrow(/before CX Desk recorded zones/)
  }, 240_000)
})
