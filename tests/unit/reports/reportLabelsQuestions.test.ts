import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { testApp, type TestApp } from '../../helpers/context'
import { createWorkspaceAt } from '../../helpers/files'
import { formatters } from '../../../src-renderer/src/i18n/format'
import { translator } from '../../../src-shared/i18n/translate'
import type { Locale } from '../../../src-shared/domain/locales'

/**
 * A workspace as a consultant's client has it: its own names for its channels (one built-in code
 * renamed, one code of its own), and CSAT asked by two questions of the file. The printed PDF's text
 * must carry the workspace's channel names in each language, and say which questions the pooled CSAT
 * figures answer, with each question's n (issue 13).
 */
const CLI = join(__dirname, '../../../src-main/cli/cxdesk.cjs')
const FOOD = 'How satisfied were you with the food today?'
const SERVICE = 'How satisfied were you with our staff today?'
const NPS = 'How likely are you to recommend our café to a friend?'
const LABELS: Record<Locale, { store: string; zalo: string }> = {
  en: { store: 'Hoàn Kiếm shop', zalo: 'Zalo official account' },
  vi: { store: 'Cửa hàng Hoàn Kiếm', zalo: 'Tài khoản Zalo của quán' },
  th: { store: 'ร้านสาขาฮหว่านเกี๋ยม', zalo: 'บัญชี Zalo ของร้าน' },
}

let app: TestApp
let workspace: string
/** Answers to each CSAT question in January 2026. */
const answered = { food: 0, service: 0 }

beforeAll(async () => {
  app = testApp({ timezone: 'Asia/Ho_Chi_Minh' })
  workspace = join(app.dir, 'labels.cxdesk')
  await createWorkspaceAt(app, workspace, { name: 'Phở Labels', timezone: 'Asia/Ho_Chi_Minh' })
  const lines = [`Date,Channel,"${NPS}","${FOOD}","${SERVICE}"`]
  for (let i = 0; i < 48; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0')
    const channel = i % 3 === 0 ? 'zalo_oa' : 'store'
    // The service question is left unanswered on every fourth row, so the two questions' n differ.
    const service = i % 4 === 0 ? '' : String(1 + ((i * 3) % 5))
    lines.push(`2026-01-${day} ${String(8 + (i % 10)).padStart(2, '0')}:15,${channel},${i % 11},${1 + (i % 5)},${service}`)
    answered.food++
    if (service) answered.service++
  }
  const csv = join(app.dir, 'answers.csv')
  writeFileSync(csv, lines.join('\n') + '\n')
  const fileId = app.ctx.files.register(csv).id
  const proposed = (await app.api.call('import.inspect', { fileId })).mapping
  const csat = { metric: 'csat' as const, min: 1, max: 5, direction: 'higher_better' as const }
  const roles = [{ role: 'date' as const }, { role: 'channel' as const }, { role: 'score' as const, score: { metric: 'nps' as const, min: 0, max: 10, direction: 'higher_better' as const } }, { role: 'score' as const, score: csat }, { role: 'score' as const, score: csat }]
  const mapping = { ...proposed, columns: roles.map((r, index) => ({ index, ...r })) }
  const summary = await app.api.call('import.run', { fileId: app.ctx.files.register(csv).id, mapping })
  expect(summary.imported).toBe(48 + answered.food + answered.service)
  for (const locale of ['en', 'vi', 'th'] as const) {
    await app.api.call('labels.setChannel', { locale, code: 'store', label: LABELS[locale].store })
    await app.api.call('labels.setChannel', { locale, code: 'zalo_oa', label: LABELS[locale].zalo })
  }
  await app.api.call('workspace.close', {})
}, 120_000)
afterAll(() => app.cleanup())

const squash = (s: string) => s.replace(/\s+/g, ' ')

describe.each(['en', 'vi', 'th'] as const)('a report of a workspace with its own channel names and two CSAT questions (%s)', (locale) => {
  it('prints the channel names of the workspace in the report’s language, and which questions the CSAT figures pool, with each one’s n', () => {
    const out = join(app.dir, `labels-${locale}.pdf`)
    const tmp = join(app.dir, `tmp-${locale}`)
    mkdirSync(tmp)
    const r = spawnSync(process.execPath, [CLI, 'report', workspace, '--out', out, '--locale', locale, '--from', '2026-01-01', '--to', '2026-01-31'], {
      encoding: 'utf8',
      env: { ...process.env, CXDESK_HOME: join(app.dir, 'home'), TMPDIR: tmp },
      timeout: 280_000,
    })
    expect(r.stderr).not.toMatch(/cxdesk:/)
    expect(r.status).toBe(0)
    const text = squash(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }))
    // The workspace's names, never the codes or another language's names.
    expect(text).toContain(LABELS[locale].store)
    expect(text).toContain(LABELS[locale].zalo)
    expect(text).not.toContain('zalo_oa')
    for (const other of (['en', 'vi', 'th'] as const).filter((l) => l !== locale)) expect(text).not.toContain(LABELS[other].zalo)
    // The CSAT figures' two questions, each with its n in the period, in the report's words.
    const t = translator(locale)
    const fmt = formatters(locale)
    const food = t('report.questions.item', { label: FOOD, n: fmt.integer(answered.food) })
    const service = t('report.questions.item', { label: SERVICE, n: fmt.integer(answered.service) })
    expect(text).toContain(squash(t.plural('report.questions.pooled', 2, { metric: t('metricName.csat'), questions: `${food}; ${service}` })))
    // NPS has one question: nothing to say about it.
    expect(text).not.toContain(t.plural('report.questions.pooled', 2, { metric: t('metricName.nps'), questions: '' }).slice(0, 12))
  }, 300_000)
})
