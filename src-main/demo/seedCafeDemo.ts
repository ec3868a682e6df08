import type { WorkspaceDb } from '../db/connect'
import { insertCustomers, type CustomerSeed } from '../customers/customersRepository'
import { feedbackWriter } from '../feedback/feedbackWriter'
import { ensureTag } from '../feedback/tagsService'
import { insertRule } from '../feedback/tagsRepository'
import { insertView } from '../feedback/viewsRepository'
import { noteWriter } from '../feedback/feedbackEditsRepository'
import { listQuestions } from '../db/questions'
import type { FollowUpStatus, MetricKind } from '../../src-shared/domain/scores'
import { customerName } from './customerName'
import { seededRandom, type Random } from './random'
import { followUpNotes, locations, owners, segments, themes, touchpoints, type Lang } from './cafeContent'
import { demoTagRules, demoViews } from './demoInbox'
import { inTransaction } from '../db/transaction'

const DAY = 86_400_000
export const DEMO_RESPONSES = 2_600
const DEMO_CUSTOMERS = 320
const SPAN_DAYS = 730

const scale: Record<MetricKind, { min: number; max: number }> = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 } }

/** Low enough to need a call back (METRICS.md: NPS detractors; CSAT 1–2; CES 1–3 on the 1–7 agreement scale). */
const needsFollowUp = (metric: MetricKind, score: number) => (metric === 'nps' ? score <= 6 : metric === 'csat' ? score <= 2 : score <= 3)

function languageFor(rnd: Random, country: string): Lang {
  const r = rnd.next()
  if (country === 'vn') return r < 0.85 ? 'vi' : 'en'
  if (country === 'th') return r < 0.8 ? 'th' : 'en'
  return r < 0.4 ? 'vi' : r < 0.75 ? 'th' : 'en'
}

/**
 * Fills a new workspace with two years of a café chain's feedback, ending today: enough for
 * trends, breakdowns and a story (an app release that went wrong eight months ago, a hotline that
 * keeps disappointing, delivery slowly improving), plus customers and follow-ups in progress.
 */
export async function seedCafeDemo(ws: WorkspaceDb, env: { localDateOf: (ms: number) => string; now: number }): Promise<void> {
  const rnd = seededRandom(20_241_101)
  const now = env.now
  const start = now - SPAN_DAYS * DAY
  const questionIds = new Map((await listQuestions(ws.db)).map((q) => [q.metric, q.id]))
  const sqlite = ws.sqlite

  // Names from a stream of their own: the rest of the demo (scores, comments, dates) stays as it was.
  const nameRnd = seededRandom(20_241_102)
  const customers: CustomerSeed[] = []
  const sinceAt: number[] = []
  for (let i = 1; i <= DEMO_CUSTOMERS; i++) {
    const loc = rnd.pick(locations)
    const lang = languageFor(rnd, loc.country)
    const since = start - Math.floor(rnd.next() * 365 * DAY) + Math.floor(rnd.next() * SPAN_DAYS * DAY * 0.9)
    // The draws that once decided churn at random and picked the name, kept so that every later draw
    // is the same (churn now follows experience: decideChurn below).
    if (rnd.next() < 0.2) rnd.next()
    rnd.next()
    const name = customerName(nameRnd, lang)
    sinceAt.push(since)
    customers.push({
      externalRef: `CUS-${String(i).padStart(4, '0')}`,
      name,
      email: `khach${i}@example.com`,
      phone: loc.country === 'th' ? `+66 8${String(10_000_000 + i * 7919).slice(0, 8)}` : `+84 9${String(10_000_000 + i * 7919).slice(0, 8)}`,
      segment: rnd.pick(segments),
      location: loc.name,
      customerSince: new Date(since).toISOString().slice(0, 10),
      churnedAt: null,
    })
  }

  // Tag rules and saved views first, so every comment is tagged as it is written.
  inTransaction(sqlite, () => {
    for (const r of demoTagRules)
      for (const [lang, keywords] of Object.entries(r.keywords)) insertRule(sqlite, { tagId: ensureTag(sqlite, r.tag, now), language: lang, keywords: keywords.join('\n') }, now)
  })
  for (const v of demoViews) await insertView(ws.db, v, now)
  const write = feedbackWriter(sqlite, now)
  const addNote = noteWriter(sqlite)
  const appIncidentStart = now - 240 * DAY
  const appIncidentEnd = now - 180 * DAY

  const drawn: DrawnResponse[] = []
  {
    for (let i = 1; i <= DEMO_RESPONSES; i++) {
      const tp = rnd.pick(touchpoints)
      // The survey programme grew: twice as many responses a month at the end as at the start
      // (density 1 + x on [0, 1], sampled by inverting its CDF).
      const t = start + Math.floor((Math.sqrt(1 + 3 * rnd.next()) - 1) * SPAN_DAYS * DAY)
      const r = rnd.next()
      const metric: MetricKind = r < 0.55 ? 'nps' : r < 0.85 ? 'csat' : 'ces'
      let bias = tp.bias
      if (tp.touchpoint === 'Mobile app ordering' && t >= appIncidentStart && t < appIncidentEnd) bias -= 2.2
      if (tp.touchpoint === 'Home delivery') bias += ((t - start) / (SPAN_DAYS * DAY)) * 0.8
      const trend = (t - start) / (SPAN_DAYS * DAY) // the chain slowly gets better at what it does
      const u = Math.min(1, Math.max(0, 0.8 + bias * 0.09 + trend * 0.06 + rnd.normal() * 0.18))
      const { min, max } = scale[metric]
      const score = min + Math.round(u * (max - min))
      const unhappy = needsFollowUp(metric, score)
      const custIdx = Math.floor(rnd.next() * DEMO_CUSTOMERS)
      const customer = customers[custIdx]
      const loc = tp.channel === 'store' ? rnd.pick(locations.slice(0, 5)) : (locations.find((l) => l.name === customer.location) ?? rnd.pick(locations))
      const lang = languageFor(rnd, loc.country)

      let comment: string | null = null
      if (rnd.next() < (unhappy ? 0.8 : 0.45)) {
        const own = themes.filter((th) => th.polarity < 0 && th.touchpoints?.includes(tp.touchpoint))
        const pool = unhappy ? (own.length && rnd.next() < 0.7 ? own : themes.filter((th) => th.polarity < 0)) : themes.filter((th) => th.polarity > 0)
        comment = rnd.pick(rnd.pick(pool).text[lang])
      }

      let status: FollowUpStatus = 'new'
      let owner: string | null = null
      let resolvedAt: number | null = null
      let statusChangedAt: number | null = null
      const age = now - t
      if (unhappy) {
        if (age > 14 * DAY ? rnd.next() < 0.88 : rnd.next() < 0.35) {
          status = 'resolved'
          // Time to resolution: usually within a day or two, with a long tail.
          resolvedAt = Math.min(now, t + Math.floor((1 + rnd.next() * rnd.next() * 120) * 3_600_000))
          statusChangedAt = resolvedAt
        } else if (rnd.next() < 0.5) {
          status = 'in_progress'
          statusChangedAt = Math.min(now, t + Math.floor(rnd.next() * 2 * DAY))
        }
        if (status !== 'new') owner = rnd.pick(owners)
      } else if (comment && rnd.next() < 0.05) {
        status = 'no_action'
        statusChangedAt = t + DAY
      }

      const note = owner && rnd.next() < 0.6 ? rnd.pick(followUpNotes[lang]) : null
      drawn.push({ i, t, tp, metric, score, unhappy, custIdx, location: loc.name, lang, comment, status, owner, resolvedAt, statusChangedAt, note })
    }
  }
  decideChurn(drawn, customers, sinceAt, now)

  inTransaction(sqlite, () => {
    const customerIds = insertCustomers(sqlite, customers, now)
    for (const r of drawn) {
      const id = write({
        dedupKey: `demo:${r.i}`,
        importId: null,
        externalRef: `R-${String(r.i).padStart(5, '0')}`,
        customerId: customerIds[r.custIdx],
        questionId: questionIds.get(r.metric) ?? null,
        score: r.score,
        submittedAt: r.t,
        submittedOffset: 420, // Vietnam and Thailand are both UTC+7
        localDate: env.localDateOf(r.t),
        channel: r.tp.channel,
        touchpoint: r.tp.touchpoint,
        stage: r.tp.stage,
        location: r.location,
        language: r.comment ? r.lang : null,
        comment: r.comment,
        respondentEmail: customers[r.custIdx].email,
        status: r.status,
        owner: r.owner,
        statusChangedAt: r.statusChangedAt,
        resolvedAt: r.resolvedAt,
        now,
      })
      if (r.note && r.owner && id !== null) addNote(id, r.owner, r.note, r.statusChangedAt ?? r.t)
    }
  })
}

interface DrawnResponse {
  i: number
  t: number
  tp: (typeof touchpoints)[number]
  metric: MetricKind
  score: number
  unhappy: boolean
  custIdx: number
  location: string
  lang: Lang
  comment: string | null
  status: FollowUpStatus
  owner: string | null
  resolvedAt: number | null
  statusChangedAt: number | null
  note: string | null
}

/** After a poor experience, the chance a customer leaves (within weeks); and of leaving for no reason we see. */
const LEAVE_AFTER_POOR = 0.45
const LEAVE_UNSEEN = 0.05

/**
 * Who leaves, and when, decided in time order from what each customer lived: after an answer that
 * needs a follow-up they leave with LEAVE_AFTER_POOR's chance, 1–8 weeks later (sooner when it was
 * never resolved), and a few leave for reasons no answer shows. A customer who has left answers no
 * more: an answer drawn for them after they left goes to another customer active then. So the demo's
 * churn has causes the at-risk rules can find (before, churn was drawn at random and the churned kept
 * answering). Its own random stream: the answers' scores, comments and dates are those drawn before.
 */
function decideChurn(drawn: DrawnResponse[], customers: CustomerSeed[], sinceAt: number[], now: number): void {
  const rnd = seededRandom(20_241_103)
  const leaveAt = customers.map((_, k) => (rnd.next() < LEAVE_UNSEEN ? sinceAt[k] + (60 + rnd.next() * 500) * DAY : Infinity))
  const order = [...drawn].sort((a, b) => a.t - b.t || a.i - b.i)
  for (const r of order) {
    if (leaveAt[r.custIdx] <= r.t) {
      const active: number[] = []
      for (let k = 0; k < customers.length; k++) if (sinceAt[k] <= r.t && leaveAt[k] > r.t) active.push(k)
      if (active.length) {
        r.custIdx = rnd.pick(active)
        if (r.tp.channel !== 'store') r.location = customers[r.custIdx].location ?? r.location
      }
    }
    if (r.unhappy && leaveAt[r.custIdx] === Infinity && rnd.next() < LEAVE_AFTER_POOR) {
      const weeks = r.status === 'resolved' ? 4 + rnd.next() * 20 : 2 + rnd.next() * 14
      leaveAt[r.custIdx] = Math.max(r.t, sinceAt[r.custIdx] + DAY) + weeks * 7 * DAY
    }
  }
  customers.forEach((c, k) => {
    c.churnedAt = leaveAt[k] < now - DAY ? new Date(leaveAt[k]).toISOString().slice(0, 10) : null
  })
}
