import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { seededRandom } from '../../../src-main/demo/random'
import { locations, segments } from '../../../src-main/demo/cafeContent'
import { createWorkspaceAt } from '../../helpers/files'
import { benchArgs } from '../args'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { customerLifecycles, forEachCustomerFact } from '../../../src-main/customers/riskFactsRepository'
import { FeatureTable } from '../../../src-main/customers/riskFeatures'
import { assessRisk, HORIZON_DAYS, riskRulesOf, riskSnapshotStats } from '../../../src-main/customers/riskService'
import { benchApp, type BenchSection } from '../harness'
import { writeFeedbackCsv } from '../writeFeedbackCsv'

const DAY = 86_400_000
const TODAY = Date.UTC(2026, 0, 1, 3)
const NAMES = ['Lan', 'Minh', 'Hùng', 'Thảo', 'Somchai', 'Malee', 'Anan', 'Ploy', 'Alex', 'Sam', 'Nguyễn Văn An', 'Trần Thị Bích']
const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

/**
 * The generator's customers file (customer_id, name, email, phone, segment, customer_since,
 * churned_at, location) for the customers writeFeedbackCsv's responses name: one per eight
 * responses. A quarter left, their left-on dates spread up to today so the model has a history (the
 * label's window is the 90 days before today).
 */
export async function writeCustomersCsv(path: string, rows: number, now: number, seed = 11): Promise<number> {
  const count = Math.floor(Math.max(50, rows / 8))
  const rnd = seededRandom(seed)
  const out = createWriteStream(path)
  out.write('customer_id,name,email,phone,segment,customer_since,churned_at,location\n')
  const start = Date.UTC(2022, 0, 1)
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  let buf = ''
  for (let i = 1; i <= count; i++) {
    const since = start + Math.floor(rnd.next() * 700 * DAY)
    const churned = rnd.next() < 0.25 ? since + Math.floor(rnd.next() * (now - since)) : null
    buf += [`C${String(i).padStart(6, '0')}`, `${rnd.pick(NAMES)} ${i}`, `customer${i}@example.com`, `+84${900000000 + i}`, rnd.pick(segments), iso(since), churned ? iso(churned) : '', rnd.pick(locations).name].map(quote).join(',') + '\n'
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain')
      buf = ''
    }
  }
  out.end(buf)
  await once(out, 'finish')
  return count
}

/** Median wall and CPU (this process, all threads) milliseconds over runs: on a loaded machine the CPU time is the steadier figure. */
async function medians(runs: number, fn: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const walls: number[] = []
  const cpus: number[] = []
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage()
    const t = performance.now()
    await fn()
    walls.push(performance.now() - t)
    const u = process.cpuUsage(c)
    cpus.push((u.user + u.system) / 1000)
  }
  const mid = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] * 100) / 100
  return { wallMs: mid(walls), cpuMs: mid(cpus) }
}

const cpuMs = (fn: () => Promise<unknown>) => async () => {
  const c = process.cpuUsage()
  const t = performance.now()
  await fn()
  const u = process.cpuUsage(c)
  return { wallMs: Math.round(performance.now() - t), cpuMs: Math.round((u.user + u.system) / 1000) }
}

/**
 * The whole risk pass's parts on the calling thread (medians of 3, wall and CPU): reading every
 * response's facts alone, reading them into the features at now and the cutoff, and the whole pass
 * (read, features, the fit, the evaluation, every active customer scored) — what the worker does,
 * without starting a thread or copying the answer back.
 */
async function riskPassFigures(open: OpenWorkspace, now: number) {
  const sqlite = open.ws.sqlite
  const rules = await riskRulesOf(open)
  let facts = 0
  const read = await medians(3, async () => {
    facts = 0
    forEachCustomerFact(sqlite, () => facts++)
  })
  const features = await medians(3, async () => {
    const table = new FeatureTable([now, now - HORIZON_DAYS * DAY], 1024)
    forEachCustomerFact(sqlite, (id, f) => table.add(id, f))
  })
  const whole = await medians(3, async () => assessRisk({ lifecycles: customerLifecycles(sqlite), forEachFact: (each) => forEachCustomerFact(sqlite, each) }, rules, now, open.localDateOf))
  return { facts, readMs: read, readAndFeaturesMs: features, wholePassMs: whole }
}

/**
 * Customers at scale (issue 16): the generator's customers and responses imported through the
 * importer, then (part `reads`) the Customers page's first page (plain and filtered), a profile,
 * the at-risk list (cold: the risk pass and the model's fit; warm: cached), the survey list of every
 * customer, a search; (part `triggers`) what the customer_changes triggers cost a write and what the
 * at-risk list costs after a small write (only changed customers recomputed). `--parts reads,triggers`.
 */
export const customers: BenchSection = {
  name: 'customers',
  async run({ rows, dir }) {
    const parts = benchArgs().parts ?? ['reads', 'triggers']
    const unknown = parts.filter((p) => p !== 'reads' && p !== 'triggers')
    if (unknown.length) throw new Error(`customers: unknown part ${unknown.join(', ')} (reads, triggers)`)
    // Today is the day after the generated history ends (2024–2025), so the risk's cutoff, the survey
    // gap and the contact window all fall inside it; the clock runs on from there.
    const start = performance.now()
    const { ctx, api } = benchApp(dir, 'Asia/Bangkok', undefined, { now: () => TODAY + Math.round(performance.now() - start) })
    const now = TODAY
    await createWorkspaceAt({ ctx, api }, join(dir, 'customers.cxdesk'))
    const customersCsv = join(dir, 'customers.csv')
    const responsesCsv = join(dir, 'responses.csv')
    const count = await writeCustomersCsv(customersCsv, rows, now)
    await writeFeedbackCsv(responsesCsv, rows)
    const t0 = performance.now()
    const cFile = ctx.files.register(customersCsv).id
    const inspected = await api.call('import.inspect', { fileId: cFile, kind: 'customers' })
    await api.call('import.run', { fileId: cFile, mapping: inspected.mapping })
    const customersImportMs = Math.round(performance.now() - t0)
    const t1 = performance.now()
    const imported = await api.call('import.run', { fileId: ctx.files.register(responsesCsv).id })
    const responsesImportMs = Math.round(performance.now() - t1)
    const open = ctx.session.require()
    // Follow-ups worked through, some still open: the rules' "follow-up open" has something to say.
    open.ws.sqlite.exec(`UPDATE responses SET status = 'resolved', resolved_at = submitted_at + 86400000, status_changed_at = submitted_at WHERE band = -1 AND id % 10 < 7`)
    const out: Record<string, unknown> = { customers: count, responses: imported.imported, customersImportMs, responsesImportMs, loadBefore: loadavg().map((l) => Math.round(l * 100) / 100) }

    if (parts.includes('reads')) {
      const cold = await cpuMs(() => api.call('customers.atRisk', { limit: 200 }))()
      const atRisk = await api.call('customers.atRisk', { limit: 200 })
      const first = await api.call('customers.list', { limit: 100 })
      const someone = first.items[0].id
      const busiest = open.ws.sqlite.prepare('SELECT customer_id FROM responses WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number
      out.reads = {
        atRiskColdMs: cold,
        // The pass inside the worker thread (its own CPU, before the snapshot is copied back; null where the pass ran in place).
        atRiskColdWorkerPass: riskSnapshotStats.inWorker ? riskSnapshotStats.lastWorkerPass : null,
        riskPassInPlace: await riskPassFigures(open, now),
        rankedBy: atRisk.evaluation.rankedBy,
        cohort: atRisk.evaluation.cohort,
        churned: atRisk.evaluation.churned,
        atRiskWarmMs: await medians(7, () => api.call('customers.atRisk', { limit: 200 })),
        firstPageMs: await medians(7, () => api.call('customers.list', { limit: 100 })),
        firstPageSegmentMs: await medians(7, () => api.call('customers.list', { limit: 100, filter: { segment: segments[0] } })),
        firstPageLocationMs: await medians(7, () => api.call('customers.list', { limit: 100, filter: { location: locations[0].name } })),
        firstPageHighRiskMs: await medians(7, () => api.call('customers.list', { limit: 100, filter: { risk: 'high' } })),
        firstPagePoorBandMs: await medians(7, () => api.call('customers.list', { limit: 100, filter: { band: 'poor' } })),
        countMs: await medians(7, () => api.call('customers.count', {})),
        profileMs: await medians(7, () => api.call('customers.get', { id: someone })),
        profileBusiestMs: await medians(7, () => api.call('customers.get', { id: busiest })),
        searchMs: await medians(7, () => api.call('customers.list', { limit: 100, filter: { search: 'customer12' } })),
        surveyList: (await api.call('customers.surveyList', { channel: 'email', previewLimit: 50 })).considered,
        surveyListMs: await medians(5, () => api.call('customers.surveyList', { channel: 'email', previewLimit: 50 })),
        duplicatesMs: await medians(3, () => api.call('customers.duplicates', { limit: 100 })),
      }
      // The whole list written as CSV, then its send recorded: the survey list with a survey contact
      // in the log for everyone on it (its contacts-in-the-window and survey-gap facts from the log,
      // not only from responses); the send is taken back after.
      const written = await cpuMs(() => api.call('customers.surveyListExport', { channel: 'email', fileId: ctx.files.registerDestination(join(dir, 'survey-list.csv'), 'dataExport') }))()
      const exported = (await api.call('customers.pendingSurveyLists', {}))[0]
      let send = 0
      const recordMs = await cpuMs(async () => (send = (await api.call('customers.surveyListRecord', { token: exported.token })).send))()
      Object.assign(out.reads as object, {
        surveyListExportMs: written,
        surveyListExported: exported.rows,
        surveyListRecordMs: recordMs,
        surveyListAfterSendMs: await medians(5, () => api.call('customers.surveyList', { channel: 'email', previewLimit: 50 })),
      })
      await api.call('customers.undoSend', { send })
    }

    if (parts.includes('triggers')) {
      await api.call('customers.atRisk', { limit: 200 })
      const sqlite = open.ws.sqlite
      const ids = sqlite.prepare('SELECT id FROM responses WHERE band = -1 ORDER BY id LIMIT 10000').pluck().all() as number[]
      const update = sqlite.prepare(`UPDATE responses SET status = 'in_progress', status_changed_at = ? WHERE id = ?`)
      const c = process.cpuUsage()
      const t = performance.now()
      sqlite.transaction(() => {
        for (const id of ids) update.run(now, id)
      })()
      const u = process.cpuUsage(c)
      const oneWrite = sqlite.prepare(`UPDATE responses SET status = 'resolved', resolved_at = ?, status_changed_at = ? WHERE id = ?`)
      const afterOneWrite: number[] = []
      for (let i = 0; i < 5; i++) {
        oneWrite.run(now, now, ids[i])
        const t2 = performance.now()
        await api.call('customers.atRisk', { limit: 200 })
        afterOneWrite.push(performance.now() - t2)
      }
      afterOneWrite.sort((a, b) => a - b)
      out.triggers = {
        update10kMs: Math.round(performance.now() - t),
        update10kCpuMs: Math.round((u.user + u.system) / 1000),
        atRiskAfterOneWriteMs: Math.round(afterOneWrite[2] * 100) / 100,
      }
    }
    out.loadAfter = loadavg().map((l) => Math.round(l * 100) / 100)
    await ctx.session.close()
    return out
  },
}
