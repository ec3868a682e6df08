import type { AtRiskItem, ChurnByBand, RiskEvaluation, RiskLevel, RiskProgress, RiskRules } from '../../src-shared/api/customers'
import { riskRulesSchema } from '../../src-shared/api/customers'
import { AppError, isAppError } from '../../src-shared/api/result'
import type { OpenWorkspace } from '../db/openWorkspace'
import { customerLifecycles, forEachCustomerFact, forEachFactOf, lifecyclesOf, responsesAbout } from './riskFactsRepository'
import { startJob } from '../workers/startJob'
import { changedSince, latestChange } from './customerChangesRepository'
import { storedRiskRules, storeRiskRules } from './riskRulesRepository'
import { addFact, applyRules, bandName, defaultRiskRules, emptyFeatures, modelFeatures, type CustomerFeatures, type RuleVerdict } from './riskRules'
import { aucWithInterval, fitLogisticRows, isHeldOut, predict, predictRow, topDecileLift, type Fitted } from './riskModel'
import { FeatureTable, MODEL_FEATURES } from './riskFeatures'

const DAY = 86_400_000
/** The cutoffs of the whole pass's feature table: now, and the cutoff T. */
const NOW = 0
const AT_CUTOFF = 1
/** The label's horizon: churned within this many days after the cutoff. */
export const HORIZON_DAYS = 90
/** Fewer churned customers than this in the cohort and no model is fitted. */
export const MIN_CHURNED = 30

export interface CustomerRisk {
  verdict: RuleVerdict
  probability: number | null
}

export interface RiskSnapshot {
  rules: RiskRules
  /** Active customers (not churned today) with their risk now. */
  byId: Map<number, CustomerRisk>
  evaluation: RiskEvaluation
  churnByBand: ChurnByBand
  /** The model fitted on the history as of the cutoff (null where none was fitted); applied to changed customers until the next fit. */
  model: Fitted | null
}

export async function riskRulesOf(open: OpenWorkspace): Promise<RiskRules> {
  const json = await storedRiskRules(open.db)
  if (!json) return defaultRiskRules
  const parsed = riskRulesSchema.safeParse({ ...defaultRiskRules, ...(JSON.parse(json) as object) })
  return parsed.success ? parsed.data : defaultRiskRules
}

export async function saveRiskRules(open: OpenWorkspace, rules: RiskRules): Promise<RiskRules> {
  const fixed = { ...rules, mediumFrom: Math.min(rules.mediumFrom, rules.highFrom) }
  await storeRiskRules(open.db, JSON.stringify(fixed))
  return fixed
}

export interface History {
  lifecycles: Array<{ id: number; since: string | null; churned: string | null }>
  forEachFact: (each: (customerId: number, fact: Parameters<typeof addFact>[1]) => void) => void
}

/**
 * The rules and the model over a workspace's history. Features as of the cutoff T (90 days before
 * `now`) and the label "churned within the 90 days after T" make the training set; about 30% of the
 * customers (by id) are held out of the fit and measure both the model and the rules. Each active
 * customer's risk now comes from their features as of now.
 */
export function assessRisk(
  history: History,
  rules: RiskRules,
  now: number,
  localDateOf: (ms: number) => string,
  opts: { onProgress?: (share: number) => void; isCancelled?: () => boolean } = {},
): RiskSnapshot {
  const cutoff = now - HORIZON_DAYS * DAY
  const cutoffDate = localDateOf(cutoff)
  const today = localDateOf(now)
  // One pass over every customer's responses in time order gives their features now (k = NOW) and
  // as of the cutoff (k = AT_CUTOFF).
  const table = new FeatureTable([now, cutoff], history.lifecycles.length)
  // The facts come by customer id: the share of ids passed is the share of the reading done.
  const lastId = history.lifecycles.length ? history.lifecycles[history.lifecycles.length - 1].id : 1
  let read = 0
  const cancelled = () => {
    if (opts.isCancelled?.()) throw new AppError('CANCELLED', 'The risk pass was stopped.')
  }
  cancelled()
  history.forEachFact((id, fact) => {
    if (++read % 16_384 === 0) {
      cancelled()
      opts.onProgress?.(Math.min(0.5, (id / lastId) * 0.5))
    }
    table.add(id, fact)
  })
  opts.onProgress?.(0.5)

  // The cohort: customers active at T (joined by then, or join date unknown; not left by then).
  const d = MODEL_FEATURES
  const n = history.lifecycles.length
  const xsTrain = new Float64Array(n * d)
  const ysTrain = new Uint8Array(n)
  let nTrain = 0
  const xsTest = new Float64Array(n * d)
  const testLabels: number[] = []
  const testPoints: number[] = []
  const bands = new Map<string, { n: number; churned: number }>()
  let cohort = 0
  let churned = 0
  for (const c of history.lifecycles) {
    if (c.since !== null && c.since > cutoffDate) continue
    if (c.churned !== null && c.churned <= cutoffDate) continue
    const slot = table.slotOf(c.id)
    const y = c.churned !== null && c.churned <= today ? 1 : 0
    cohort++
    churned += y
    const band = bandName(table.lastBandOf(slot, AT_CUTOFF))
    const b = bands.get(band) ?? { n: 0, churned: 0 }
    b.n++
    b.churned += y
    bands.set(band, b)
    if (isHeldOut(c.id)) {
      table.modelFeaturesInto(slot, AT_CUTOFF, cutoff, xsTest, testLabels.length * d)
      testLabels.push(y)
      testPoints.push(applyRules(table.featuresOf(slot, AT_CUTOFF), rules, cutoff).points)
    } else {
      table.modelFeaturesInto(slot, AT_CUTOFF, cutoff, xsTrain, nTrain * d)
      ysTrain[nTrain++] = y
    }
  }

  let trainChurned = 0
  for (let i = 0; i < nTrain; i++) trainChurned += ysTrain[i]
  const rulesAuc = aucWithInterval(testPoints, testLabels)
  let model: Fitted | null = null
  let modelEval: RiskEvaluation['model'] = null
  if (churned >= MIN_CHURNED && trainChurned > 0 && trainChurned < nTrain) {
    cancelled()
    model = fitLogisticRows(xsTrain, nTrain, d, ysTrain, {
      onProgress: (s) => {
        cancelled()
        opts.onProgress?.(0.5 + s * 0.4)
      },
    })
    const fitted = model
    const probs = testLabels.map((_, i) => predictRow(fitted, xsTest, i * d, d))
    const auc = aucWithInterval(probs, testLabels)
    modelEval = auc ? { auc, lift: topDecileLift(probs, testLabels) } : null
  }
  const rulesEval = rulesAuc ? { auc: rulesAuc, lift: topDecileLift(testPoints, testLabels) } : null
  const rankedBy = modelEval && rulesEval && modelEval.auc.low > rulesEval.auc.value ? 'model' : 'rules'

  const byId = new Map<number, CustomerRisk>()
  const x = new Float64Array(d)
  for (const c of history.lifecycles) {
    if (c.churned !== null && c.churned <= today) continue
    const slot = table.slotOf(c.id)
    let probability: number | null = null
    if (model) {
      table.modelFeaturesInto(slot, NOW, now, x, 0)
      probability = predictRow(model, x, 0, d)
    }
    byId.set(c.id, { verdict: applyRules(table.featuresOf(slot, NOW), rules, now), probability })
  }
  opts.onProgress?.(1)

  const order = ['poor', 'neutral', 'good', 'none'] as const
  return {
    rules,
    byId,
    model,
    evaluation: {
      cutoff: cutoffDate,
      cohort,
      churned,
      testN: testLabels.length,
      testChurned: testLabels.reduce((s, y) => s + y, 0),
      model: modelEval,
      rules: rulesEval,
      rankedBy,
    },
    churnByBand: {
      cutoff: cutoffDate,
      rows: order.map((band) => {
        const b = bands.get(band) ?? { n: 0, churned: 0 }
        const rate = b.n ? b.churned / b.n : null
        return {
          band,
          n: b.n,
          churned: b.churned,
          rate: rate === null ? null : rate * 100,
          moe95: rate === null || b.n < 30 ? null : 1.96 * Math.sqrt((rate * (1 - rate)) / b.n) * 100,
        }
      }),
    },
  }
}

const riskNow = (f: CustomerFeatures, rules: RiskRules, now: number, model: Fitted | null): CustomerRisk => ({
  verdict: applyRules(f, rules, now),
  probability: model ? predict(model, modelFeatures(f, now)) : null,
})

/**
 * Brings a snapshot up to date for the customers in `changed` (their lifecycles and every fact of
 * theirs): each one's risk now is computed again with the snapshot's rules and model; one who left
 * or is gone drops out. The evaluation and the churn by band stay as fitted (they change with the
 * cutoff, i.e. the day, or with the rules).
 */
export function updateRisk(snapshot: RiskSnapshot, ids: readonly number[], changed: History, now: number, localDateOf: (ms: number) => string): void {
  const today = localDateOf(now)
  const features = new Map<number, CustomerFeatures>()
  changed.forEachFact((id, fact) => {
    let f = features.get(id)
    if (!f) features.set(id, (f = emptyFeatures()))
    addFact(f, fact, now)
  })
  rankings.delete(snapshot)
  for (const id of ids) snapshot.byId.delete(id)
  for (const c of changed.lifecycles) {
    if (c.churned !== null && c.churned <= today) continue
    snapshot.byId.set(c.id, riskNow(features.get(c.id) ?? emptyFeatures(), snapshot.rules, now, snapshot.model))
  }
}

/** More changed customers than this since the last look and the whole pass runs again (one scan beats this many index ranges). */
export const INCREMENTAL_LIMIT = 5_000

const cache = new WeakMap<OpenWorkspace, { key: string; seq: number; snapshot: RiskSnapshot }>()

/** How the last call to riskSnapshot got its answer (for the tests and the bench). */
export const riskSnapshotStats: { full: number; incremental: number; inWorker: number; customersRecomputed: number; lastWorkerPass: WorkerPassTook | null } = {
  full: 0,
  incremental: 0,
  inWorker: 0,
  customersRecomputed: 0,
  lastWorkerPass: null,
}

/**
 * From this many responses (by the largest id) on, the whole pass runs in a worker thread.
 * `CXDESK_RISK_WORKER_FROM` lowers it (the end-to-end test shows the progress bar on the demo).
 */
export const WORKER_FROM_RESPONSES = Number(process.env.CXDESK_RISK_WORKER_FROM) || 50_000
/**
 * `CXDESK_RISK_WORKER_PACE_MS` makes the worker wait 100 times this long before its pass (cancel
 * still honoured): the demo's pass takes milliseconds, too short for an end-to-end test to see its
 * bar and press Cancel. Never set by the app.
 */
const WORKER_PACE_MS = Math.max(0, Number(process.env.CXDESK_RISK_WORKER_PACE_MS) || 0)

/** The risk worker's answer: the snapshot, and what the pass took in the thread (its own CPU where the system tells; before the copy back). */
export interface RiskWorkerAnswer {
  snapshot: RiskSnapshot
  took: WorkerPassTook
}
export interface WorkerPassTook {
  wallMs: number
  cpuMs: number | null
}

/** What the risk worker (riskWorker.ts) is started with. */
export interface RiskWorkerData {
  path: string
  nativeBinding?: string
  rules: RiskRules
  now: number
  timezone: string
  /** Tests only (CXDESK_RISK_WORKER_PACE_MS): the worker waits 100 × this (ms) before its pass. */
  paceMs?: number
}

/** Where the whole pass may run off the main thread and whom it tells (set by the handlers; the CLI and the tests run it in place). */
export interface RiskHost {
  emit(p: RiskProgress): void
  nativeBinding?: string
  /** Tests lower the threshold. */
  workerFrom?: number
}
const hosts = new WeakMap<OpenWorkspace, RiskHost>()
export function attachRiskHost(open: OpenWorkspace, host: RiskHost): OpenWorkspace {
  hosts.set(open, host)
  return open
}

const running = new WeakMap<OpenWorkspace, { key: string; done: Promise<RiskSnapshot>; share: number; cancel: () => void }>()

/** Whether the whole pass is running for this workspace, and how far it is. */
export function riskStatus(open: OpenWorkspace): { running: boolean; share: number | null } {
  const r = running.get(open)
  return { running: !!r, share: r ? r.share : null }
}

/** Stops a running pass; whoever waits for it gets CANCELLED. */
export function cancelRisk(open: OpenWorkspace): { cancelled: boolean } {
  const r = running.get(open)
  if (!r) return { cancelled: false }
  r.cancel()
  return { cancelled: true }
}

function wholePass(open: OpenWorkspace, rules: RiskRules, now: number, key: string): Promise<RiskSnapshot> {
  const sqlite = open.ws.sqlite
  const host = hosts.get(open)
  // The seq is read before the pass: a write landing during it is read again next time (harmless).
  const seq = latestChange(sqlite)
  const big = host && open.ws.path !== ':memory:' && responsesAbout(sqlite) >= (host.workerFrom ?? WORKER_FROM_RESPONSES)
  if (!big) {
    const snapshot = assessRisk({ lifecycles: customerLifecycles(sqlite), forEachFact: (each) => forEachCustomerFact(sqlite, each) }, rules, now, open.localDateOf)
    riskSnapshotStats.full++
    cache.set(open, { key, seq, snapshot })
    return Promise.resolve(snapshot)
  }
  const job = startJob<RiskWorkerData, number, RiskWorkerAnswer>(
    'riskWorker',
    { path: open.ws.path, nativeBinding: host.nativeBinding, rules, now, timezone: open.settings.timezone, paceMs: WORKER_PACE_MS },
    {
      onProgress: (share) => {
        const r = running.get(open)
        if (r) r.share = share
        host.emit({ state: 'running', share })
      },
      crashed: { code: 'INTERNAL', message: (reason) => `Working out the customers' risk stopped unexpectedly (${reason}).` },
    },
  )
  const done = job.done.then(
    ({ snapshot, took }) => {
      running.delete(open)
      riskSnapshotStats.full++
      riskSnapshotStats.inWorker++
      riskSnapshotStats.lastWorkerPass = took
      cache.set(open, { key, seq, snapshot })
      host.emit({ state: 'done', share: 1 })
      return snapshot
    },
    (e: unknown) => {
      running.delete(open)
      host.emit({ state: isAppError(e) && e.code === 'CANCELLED' ? 'cancelled' : 'failed', share: 0 })
      throw e
    },
  )
  running.set(open, { key, done, share: 0, cancel: job.cancel })
  host.emit({ state: 'running', share: 0 })
  return done
}

/**
 * The risk of every active customer. The whole pass (every response read, the model fitted) runs
 * when the workspace is first asked, when the rules or the day change, or when more than
 * INCREMENTAL_LIMIT customers changed since — in a worker thread from WORKER_FROM_RESPONSES on,
 * where a host is attached (requests meanwhile wait for the same pass); otherwise only the customers
 * whose facts or responses changed (the customer_changes log the triggers fill) are read and
 * computed again.
 */
export async function riskSnapshot(open: OpenWorkspace, now: number): Promise<RiskSnapshot> {
  const rules = await riskRulesOf(open)
  const key = `${JSON.stringify(rules)}|${Math.floor(now / DAY)}`
  const sqlite = open.ws.sqlite
  const hit = cache.get(open)
  if (hit && hit.key === key) {
    const changed = changedSince(sqlite, hit.seq, INCREMENTAL_LIMIT)
    if (!changed.more && !changed.ids.includes(0)) {
      if (changed.ids.length) {
        const ids = changed.ids
        updateRisk(hit.snapshot, ids, { lifecycles: lifecyclesOf(sqlite, ids), forEachFact: (each) => forEachFactOf(sqlite, ids, each) }, now, open.localDateOf)
        hit.seq = changed.seq
        riskSnapshotStats.incremental++
        riskSnapshotStats.customersRecomputed += ids.length
      }
      return hit.snapshot
    }
  }
  const pending = running.get(open)
  if (pending && pending.key === key) return pending.done
  return wholePass(open, rules, now, key)
}

/** Ids of active customers at this level of risk (by the rules). */
export function idsAtLevel(snapshot: RiskSnapshot, level: RiskLevel): number[] {
  const ids: number[] = []
  for (const [id, r] of snapshot.byId) if (r.verdict.level === level) ids.push(id)
  return ids
}

/** Active customers with any risk, ranked by the model where it beat the rules on held-out customers, else by the rules' points. */
export function rankAtRisk(snapshot: RiskSnapshot, limit: number): Array<{ id: number; risk: CustomerRisk }> {
  // Sorted once per snapshot and kept until a change (updateRisk) drops it.
  let ranked = rankings.get(snapshot)
  if (!ranked) rankings.set(snapshot, (ranked = rankAll(snapshot)))
  return ranked.slice(0, limit)
}

const rankings = new WeakMap<RiskSnapshot, Array<{ id: number; risk: CustomerRisk }>>()

function rankAll(snapshot: RiskSnapshot): Array<{ id: number; risk: CustomerRisk }> {
  const byModel = snapshot.evaluation.rankedBy === 'model'
  const all = [...snapshot.byId].filter(([, r]) => r.verdict.points > 0 || (byModel && r.probability !== null))
  all.sort(([ia, a], [ib, b]) =>
    byModel ? (b.probability ?? 0) - (a.probability ?? 0) || b.verdict.points - a.verdict.points || ia - ib : b.verdict.points - a.verdict.points || ia - ib,
  )
  return all.map(([id, risk]) => ({ id, risk }))
}

export type { AtRiskItem }
