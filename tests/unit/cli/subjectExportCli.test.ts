import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testApp } from '../../helpers/context'
import { createWorkspaceAt } from '../../helpers/files'
import { subjectDataSchema } from '../../../src-shared/api/subject'

/*
 * `cxdesk subject-export`: the whole process, as users run it (the bundle, a headless browser for
 * the PDF), with strict options and a refusal, listing them, when a name names several people.
 */

const CLI = join(__dirname, '../../../src-main/cli/cxdesk.cjs')
const blank = { ref: null, name: null, email: null, phone: null, segment: null, location: null, customerSince: null, churnedAt: null }
let dir: string
let ids: { an: number; an2: number }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-cli-subject-'))
  const app = testApp({ timezone: 'Asia/Ho_Chi_Minh' })
  try {
    await createWorkspaceAt(app, join(dir, 'w.cxdesk'), { name: 'Quán Sông Trà', timezone: 'Asia/Ho_Chi_Minh' })
    await app.api.call('feedback.create', { date: '2026-11-20', time: '09:30', metric: 'nps', score: 4, comment: 'Phục vụ chậm quá', customerName: 'Nguyễn Văn An', customerEmail: 'an@example.vn' })
    const an = (await app.api.call('customers.subjectFind', { query: 'an@example.vn' })).matches[0].id
    const an2 = (await app.api.call('customers.save', { customer: { ...blank, name: 'Nguyễn Văn An', phone: '0903 111 222', location: 'Đà Nẵng' } })).customer.id
    ids = { an, an2 }
  } finally {
    await app.cleanup()
  }
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function cxdesk(args: string[], name: string) {
  const tmp = join(dir, `tmp-${name}`)
  mkdirSync(tmp)
  return spawnSync(process.execPath, [CLI, 'subject-export', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CXDESK_HOME: join(dir, 'home'), TMPDIR: tmp } })
}

describe('cxdesk subject-export', () => {
  it('refuses unknown or malformed options and a missing person with exit code 2', () => {
    const typo = cxdesk(['w.cxdesk', '--customer', 'an@example.vn', '--out', 'o', '--langs', 'vi'], 'typo')
    expect(typo.status).toBe(2)
    expect(typo.stderr).toContain('subject-export has no option --langs (did you mean --lang?)')
    const lang = cxdesk(['w.cxdesk', '--customer', 'an@example.vn', '--out', 'o', '--lang', 'fr'], 'lang')
    expect(lang.status).toBe(2)
    expect(lang.stderr).toContain('--lang must be en, vi or th')
    const none = cxdesk(['w.cxdesk', '--out', 'o'], 'none')
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('subject-export needs --customer')
  })

  it('lists the people a shared name matches (exit 2) and says when nobody matches (exit 1), writing nothing', () => {
    const shared = cxdesk(['w.cxdesk', '--customer', 'nguyễn văn an', '--out', 'shared'], 'shared')
    expect(shared.status).toBe(2)
    expect(shared.stderr).toContain('2 customers match "nguyễn văn an"; give --customer <id>')
    expect(shared.stderr).toContain(`  ${ids.an}  Nguyễn Văn An  an@example.vn`)
    expect(shared.stderr).toContain(`  ${ids.an2}  Nguyễn Văn An`)
    const nobody = cxdesk(['w.cxdesk', '--customer', 'who@example.vn', '--out', 'nobody'], 'nobody')
    expect(nobody.status).toBe(1)
    expect(nobody.stderr).toContain('nobody in this workspace matches "who@example.vn"')
    expect(readdirSync(dir).filter((f) => f === 'shared' || f === 'nobody')).toEqual([])
  })

  it('writes their PDF in Vietnamese and their JSON into --out, found by a phone written another way', () => {
    const r = cxdesk(['w.cxdesk', '--customer', '+84903111222', '--out', 'request', '--lang', 'vi', '--json'], 'write')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const result = JSON.parse(r.stdout)
    expect(readdirSync(join(dir, 'request')).sort()).toEqual([result.json.fileName, result.pdf.fileName].sort())
    expect(readFileSync(result.pdf.path).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(result.pdf.pages).toBeGreaterThanOrEqual(1)
    const json = subjectDataSchema.parse(JSON.parse(readFileSync(result.json.path, 'utf8')))
    expect(json.person).toMatchObject({ id: ids.an2, phone: '0903 111 222', location: 'Đà Nẵng' })
    expect(json.language).toBe('vi')
  }, 180_000)
})
