import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { testApp, type TestApp } from '../../helpers/context'
import { openWorkspaceAt } from '../../helpers/files'
import { formatters } from '../../../src-renderer/src/i18n/format'
import { translator } from '../../../src-shared/i18n/translate'
import type { Locale } from '../../../src-shared/domain/locales'
import { defaultReportOptions } from '../../../src-shared/api/reports'

const CLI = join(__dirname, '../../../src-main/cli/cxdesk.cjs')
const RAW_EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.[\p{L}]{2,}/u
const FROM = '2026-01-01'
const TO = '2026-06-30'

let app: TestApp
let workspace: string

beforeAll(async () => {
  // The demo workspace as a file: customers with e-mail addresses and phones, comments in three languages, journey maps.
  app = testApp({ timezone: 'Asia/Ho_Chi_Minh' })
  workspace = (await app.api.call('workspace.openDemo', {})).path
  await app.api.call('workspace.close', {})
}, 120_000)
afterAll(() => app.cleanup())

/** What the metrics engine says for the report's period, read through the same channels the app's pages use. */
async function engineFigures() {
  await openWorkspaceAt(app, workspace)
  try {
    const filter = { from: FROM, to: TO }
    const [nps, csat, ces, ttr, list] = await Promise.all([
      app.api.call('metrics.series', { metric: 'nps', filter }),
      app.api.call('metrics.series', { metric: 'csat', filter }),
      app.api.call('metrics.series', { metric: 'ces', filter }),
      app.api.call('metrics.ttr', { filter }),
      app.api.call('feedback.list', { filter, limit: 1 }),
    ])
    return { nps: nps.overall, csat: csat.overall, ces: ces.overall, ttr: ttr.overall, responses: list.total }
  } finally {
    await app.api.call('workspace.close', {})
  }
}

const squash = (s: string) => s.replace(/\s+/g, ' ')

/** A temporary folder for one run of the command (its TMPDIR: the browser's profile and sockets go there). */
function runTmp(name: string): string {
  const dir = join(app.dir, `tmp-${name}`)
  mkdirSync(dir)
  return dir
}

/** Processes still running whose command line names `dir` (Linux's /proc; none elsewhere). */
function processesNaming(dir: string): string[] {
  if (process.platform !== 'linux') return []
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)
    .flatMap((p) => {
      try {
        const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ')
        return cmd.includes(dir) ? [`${p}: ${cmd.slice(0, 120)}`] : []
      } catch {
        return []
      }
    })
}

/** The command ends its browser without closing it in order: nothing of it may be left, running or on disk. */
function expectNothingLeft(tmp: string) {
  expect(processesNaming(tmp)).toEqual([])
  expect(readdirSync(tmp)).toEqual([])
}

/** Each page's size in points, from pdfinfo. */
function pageSizes(pdf: string): [number, number][] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' })
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])])
}

/**
 * Some pages of `size` (the maps' landscape pages), and on them no word smaller than 8 pt: a word's
 * box from pdftotext -bbox is the font's ascent to descent, 1.36 times its size in Noto Sans (the
 * running header's 8 pt words measure 10.9 pt; Thai words are taller). Symbols alone (▲▼, from
 * another font) are left out.
 */
function expectLegibleMaps(pdf: string, size: [number, number]) {
  const pages = pageSizes(pdf)
    .map((s, i) => ({ s, page: i + 1 }))
    .filter(({ s }) => Math.abs(s[0] - size[0]) < 1 && Math.abs(s[1] - size[1]) < 1)
    .map(({ page }) => page)
  expect(pages.length).toBeGreaterThan(0)
  for (const page of pages) {
    const html = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-'], { encoding: 'utf8' })
    const words = [...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ h: Number(m[2]) - Number(m[1]), text: m[3] }))
    const letters = words.filter((w) => /[\p{L}\p{N}]/u.test(w.text))
    expect(letters.length, `page ${page}`).toBeGreaterThan(30)
    const small = letters.filter((w) => w.h < 8 * 1.36 - 0.05)
    expect(small.map((w) => `${w.text} (${(w.h / 1.36).toFixed(1)} pt)`), `page ${page}`).toEqual([])
  }
}

describe.each(['en', 'vi', 'th'] as const)('cxdesk report --locale %s', (locale: Locale) => {
  it('writes a PDF whose text holds the engine’s figures, masked contacts and no raw e-mail address, and whose every page renders', async () => {
    const out = join(app.dir, `report-${locale}.pdf`)
    const tmp = runTmp(locale)
    const r = spawnSync(process.execPath, [CLI, 'report', workspace, '--out', out, '--locale', locale, '--from', FROM, '--to', TO, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, CXDESK_HOME: join(app.dir, 'home'), TMPDIR: tmp },
      timeout: 280_000,
    })
    expect(r.stderr).not.toMatch(/cxdesk:/)
    expect(r.status).toBe(0)
    expectNothingLeft(tmp)
    const result = JSON.parse(r.stdout) as { path: string; pages: number }
    expect(result.path).toBe(out)

    const text = squash(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }))
    const fmt = formatters(locale)
    const t = translator(locale)
    const e = await engineFigures()
    // The headline figures, their margins of error and n, as the report formats them.
    expect(text).toContain(fmt.signed(e.nps.value!, 1))
    expect(text).toContain(`± ${fmt.number(e.nps.moe95!, 1)}`)
    expect(text).toContain(t('chart.nIs', { n: fmt.integer(e.nps.n) }))
    expect(text).toContain(fmt.percentValue(e.csat.value!))
    expect(text).toContain(t('chart.nIs', { n: fmt.integer(e.csat.n) }))
    expect(text).toContain(fmt.number(e.ces.value!, 2))
    expect(text).toContain(t('ttr.hours', { n: fmt.number(e.ttr.medianHours!, 1) }))
    expect(text).toContain(t.plural('report.responses', e.responses!))
    // Text in the report's language, shaped and extractable; running footer with page numbers.
    expect(text).toContain(t('report.section.headline'))
    expect(text).toContain(t('report.pageOf', { page: 1, pages: result.pages }))
    // Contacts masked, none in the clear.
    expect(text).toContain('•••@')
    expect(text).not.toMatch(RAW_EMAIL)

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1])
    expect(pages).toBe(result.pages)
    expect(pages).toBeGreaterThanOrEqual(6)
    expect(pages).toBeLessThanOrEqual(14)
    const pngs = join(app.dir, `png-${locale}`)
    mkdirSync(pngs)
    execFileSync('pdftoppm', ['-png', '-r', '20', out, join(pngs, 'p')])
    expect(readdirSync(pngs).filter((f) => f.endsWith('.png'))).toHaveLength(pages)
  }, 300_000)
})

describe('cxdesk report on the command line', () => {
  it('makes the report a saved template describes (next month’s report in one command)', async () => {
    await openWorkspaceAt(app, workspace)
    await app.api.call('reports.saveTemplate', {
      name: 'Quarterly deliverable',
      options: { ...defaultReportOptions('consultant', 'th'), title: 'ทบทวนรายไตรมาส', sections: ['cover', 'headline', 'appendix'], period: { preset: 'custom', from: FROM, to: TO }, paper: 'letter', orientation: 'landscape' },
    })
    await app.api.call('workspace.close', {})
    const out = join(app.dir, 'template.pdf')
    const r = spawnSync(process.execPath, [CLI, 'report', workspace, '--out', out, '--template', 'quarterly deliverable'], { encoding: 'utf8', env: { ...process.env, CXDESK_HOME: join(app.dir, 'home') } })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Wrote .*template\.pdf \(\d+ pages/)
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })
    expect(text).toContain('ทบทวนรายไตรมาส')
    // Letter, landscape: 11 × 8.5 inches.
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+792 x 612 pts/)
  }, 120_000)

  it('--kind consultant without a template: a white-label deliverable for the client with every journey map; --brand puts the credit back', async () => {
    await openWorkspaceAt(app, workspace)
    const { maps } = await app.api.call('journeys.list', {})
    await app.api.call('workspace.close', {})
    expect(maps.length).toBeGreaterThan(0)
    const env = { ...process.env, CXDESK_HOME: join(app.dir, 'home') }
    const out = join(app.dir, 'deliverable.pdf')
    const r = spawnSync(process.execPath, [CLI, 'report', workspace, '--out', out, '--kind', 'consultant', '--client', 'Sông Trà Co.', '--consultant', 'Mai Consulting', '--from', FROM, '--to', TO, '--json'], { encoding: 'utf8', env })
    expect(r.stderr).not.toMatch(/cxdesk:/)
    expect(r.status).toBe(0)
    const result = JSON.parse(r.stdout) as { fileName: string }
    // No mention of the tool: not in the text, not in the PDF's metadata, not in the file name offered.
    const text = squash(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }))
    expect(text).not.toMatch(/CX ?Desk/i)
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' })
    expect(info).not.toMatch(/CX ?Desk/i)
    expect(info).toMatch(/Title:\s+Customer experience review – Sông Trà Co\./)
    expect(result.fileName).toBe('Sông Trà Co. – Customer experience review – 2026-01-01 – 2026-06-30.pdf')
    // The consultant's name on the cover and in the footer; the client's in the header; every map.
    expect(text).toContain('Prepared by Mai Consulting')
    expect(text).toContain('Prepared for Sông Trà Co.')
    for (const m of maps) expect(text).toContain(squash(m.name))
    // The maps on landscape A4 pages of their own, every word on them at 8 pt or more.
    expectLegibleMaps(out, [841.92, 594.96])

    const branded = join(app.dir, 'branded.pdf')
    const b = spawnSync(process.execPath, [CLI, 'report', workspace, '--out', branded, '--kind', 'consultant', '--client', 'Sông Trà Co.', '--brand'], { encoding: 'utf8', env })
    expect(b.status).toBe(0)
    expect(execFileSync('pdftotext', [branded, '-'], { encoding: 'utf8' })).toContain('with CX Desk')
  }, 240_000)

  it('--map-paper a3 prints the maps on landscape A3 pages, in Thai, every word at 8 pt or more', () => {
    const out = join(app.dir, 'maps-a3.pdf')
    const r = spawnSync(process.execPath, [CLI, 'report', workspace, '--out', out, '--kind', 'consultant', '--map-paper', 'a3', '--locale', 'th', '--from', FROM, '--to', TO], { encoding: 'utf8', env: { ...process.env, CXDESK_HOME: join(app.dir, 'home') } })
    expect(r.status).toBe(0)
    expectLegibleMaps(out, [1191.12, 841.92])
  }, 120_000)

  it('--template wins over --kind, and says so', async () => {
    const out = join(app.dir, 'template-kind.pdf')
    const r = spawnSync(process.execPath, [CLI, 'report', workspace, '--out', out, '--template', 'Quarterly deliverable', '--kind', 'manager'], { encoding: 'utf8', env: { ...process.env, CXDESK_HOME: join(app.dir, 'home') } })
    expect(r.status).toBe(0)
    expect(r.stderr).toContain('--kind manager is ignored')
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('ทบทวนรายไตรมาส')
  }, 120_000)

  it.each(['en', 'th'] as const)('the manager summary of one month in %s fits in 2–4 pages with every section, headings with their content, arrows on their figures’ line', (locale) => {
    const out = join(app.dir, `month-${locale}.pdf`)
    const r = spawnSync(process.execPath, [CLI, 'report', workspace, '--out', out, '--locale', locale, '--from', '2026-05-01', '--to', '2026-05-31'], { encoding: 'utf8', env: { ...process.env, CXDESK_HOME: join(app.dir, 'home') } })
    expect(r.status).toBe(0)
    const pages = pageSizes(out).length
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(pages).toBeLessThanOrEqual(4)
    const t = translator(locale)
    const headings = defaultReportOptions('manager').sections.map((s, i) => `${i + 1}. ${t(`report.section.${s}`)}`)
    const pageTexts = Array.from({ length: pages }, (_, i) =>
      execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), out, '-'], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    for (const h of headings) expect(pageTexts.flat(), h).toContain(h)
    // No page ends with a heading, nor with a heading and one line (the period under the trends' heading, as Thai had it).
    for (const lines of pageTexts) {
      const body = lines.filter((l) => l !== t('report.pageOf', { page: pageTexts.indexOf(lines) + 1, pages }) && !l.includes(t('report.generated', { date: '' }).trim().slice(0, 6)))
      for (const last of body.slice(-2)) expect(headings).not.toContain(last)
    }
    // The change's arrow is followed by its figure on the same line, never alone.
    const all = pageTexts.flat()
    expect(all.filter((l) => /^[▲▼■]$/.test(l))).toEqual([])
    expect(all.filter((l) => /^[▲▼■] [+\-−]?\d/.test(l)).length).toBeGreaterThanOrEqual(4)
  }, 120_000)

  it('refuses a missing --out and an unknown template with exit code 2, leaving no browser behind', () => {
    const tmp = runTmp('refused')
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, 'report', workspace, ...args], { encoding: 'utf8', env: { ...process.env, CXDESK_HOME: join(app.dir, 'home'), TMPDIR: tmp } })
    expect(run([]).status).toBe(2)
    const unknown = run(['--out', join(app.dir, 'x.pdf'), '--template', 'Nope'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('no report template "Nope"')
    for (const wrong of [['--kind', 'director'], ['--map-paper', 'a5'], ['--client', ' '], ['--brand=yes'], ['--logo', 'x.png']]) {
      const refused = run(['--out', join(app.dir, 'x.pdf'), ...wrong])
      expect(refused.status, wrong.join(' ')).toBe(2)
      expect(refused.stderr).toContain('Usage:')
    }
    // Refused while the browser may still be starting: it is ended all the same.
    expectNothingLeft(tmp)
  }, 120_000)
})
