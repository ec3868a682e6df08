import type { RiskLevel, RiskReason, RiskRules, ScoreBand } from '../../src-shared/api/customers'

/**
 * A customer's history reduced to what the risk rules and the model read, as of a cutoff T: only
 * what was known at T enters (responses submitted by T, follow-ups still open at T), so features
 * computed at a past T never see the future they are asked to predict.
 */
export interface ResponseFact {
  at: number
  band: -1 | 0 | 1 | null
  score: number | null
  /** The score placed on 0–1, 1 best (CES turned round). */
  u: number | null
  metric: string | null
  /** The follow-up's status and times, read only for a poor response (band -1): readers may leave them empty ('' / null) elsewhere. */
  status: string
  resolvedAt: number | null
  changedAt: number | null
}

interface Scored {
  at: number
  band: -1 | 0 | 1
  score: number
  u: number
  metric: string
}

export interface CustomerFeatures {
  responses: number
  scored: number
  lastAt: number | null
  last: Scored | null
  /** The score before the last one on the same question kind. */
  previous: Scored | null
  openCount: number
  oldestOpenAt: number | null
}

export const emptyFeatures = (): CustomerFeatures => ({ responses: 0, scored: 0, lastAt: null, last: null, previous: null, openCount: 0, oldestOpenAt: null })

const closedStatuses = new Set(['resolved', 'no_action'])

/** Adds one response (in time order) to the features as of `cutoff`; later responses are ignored. */
export function addFact(f: CustomerFeatures, r: ResponseFact, cutoff: number): void {
  if (r.at > cutoff) return
  f.responses++
  f.lastAt = r.at
  if (r.band !== null && r.score !== null && r.u !== null && r.metric !== null) {
    const s: Scored = { at: r.at, band: r.band, score: r.score, u: r.u, metric: r.metric }
    f.previous = f.last && f.last.metric === s.metric ? f.last : f.previous && f.previous.metric === s.metric ? f.previous : null
    f.last = s
    f.scored++
  }
  if (r.band === -1) {
    // Open at the cutoff unless it was closed by then; a closing without a time counts as closed.
    const closedAt = r.resolvedAt ?? (closedStatuses.has(r.status) ? (r.changedAt ?? -Infinity) : null)
    const open = closedAt === null || closedAt > cutoff
    if (open) {
      f.openCount++
      if (f.oldestOpenAt === null) f.oldestOpenAt = r.at
    }
  }
}

export const bandName = (band: -1 | 0 | 1 | null | undefined): ScoreBand => (band === -1 ? 'poor' : band === 0 ? 'neutral' : band === 1 ? 'good' : 'none')

export const defaultRiskRules: RiskRules = {
  lastPoor: 3,
  lastNeutral: 1,
  falling: 2,
  fallShare: 0.3,
  openFollowUp: 2,
  openDays: 2,
  silence: 1,
  silenceDays: 180,
  highFrom: 4,
  mediumFrom: 2,
}

const DAY = 86_400_000

export interface RuleVerdict {
  points: number
  level: RiskLevel
  reasons: RiskReason[]
}

/** The rules, each a number of points with its reason in parts; a rule worth 0 points is off. */
export function applyRules(f: CustomerFeatures, rules: RiskRules, at: number): RuleVerdict {
  let points = 0
  const reasons: RiskReason[] = []
  const last = f.last
  if (last?.band === -1 && rules.lastPoor > 0) {
    points += rules.lastPoor
    reasons.push({ kind: 'lastPoor', at: last.at, score: last.score, metric: last.metric })
  } else if (last?.band === 0 && rules.lastNeutral > 0) {
    points += rules.lastNeutral
    reasons.push({ kind: 'lastNeutral', at: last.at, score: last.score, metric: last.metric })
  }
  if (last && f.previous && rules.falling > 0 && f.previous.u - last.u >= rules.fallShare - 1e-9) {
    points += rules.falling
    reasons.push({ kind: 'falling', from: f.previous.score, to: last.score, metric: last.metric })
  }
  if (f.openCount > 0 && f.oldestOpenAt !== null && rules.openFollowUp > 0) {
    const days = Math.floor((at - f.oldestOpenAt) / DAY)
    if (days >= rules.openDays) {
      points += rules.openFollowUp
      reasons.push({ kind: 'openFollowUp', days, count: f.openCount })
    }
  }
  if (f.lastAt !== null && rules.silence > 0) {
    const days = Math.floor((at - f.lastAt) / DAY)
    if (days >= rules.silenceDays) {
      points += rules.silence
      reasons.push({ kind: 'silence', days })
    }
  }
  const level: RiskLevel = points <= 0 ? 'none' : points >= rules.highFrom ? 'high' : points >= rules.mediumFrom ? 'medium' : 'low'
  return { points, level, reasons }
}

/** The model's inputs: the same facts the rules read, as numbers. */
export function modelFeatures(f: CustomerFeatures, at: number): number[] {
  const last = f.last
  const drop = last && f.previous ? Math.max(0, f.previous.u - last.u) : 0
  const openDays = f.oldestOpenAt !== null ? Math.max(0, (at - f.oldestOpenAt) / DAY) : 0
  const silence = f.lastAt !== null ? Math.max(0, (at - f.lastAt) / DAY) : 0
  return [
    last?.band === -1 ? 1 : 0,
    last?.band === 0 ? 1 : 0,
    last ? last.u : 0.5,
    drop,
    f.openCount > 0 ? 1 : 0,
    Math.log1p(openDays),
    Math.log1p(silence),
    Math.log1p(f.responses),
    f.responses === 0 ? 1 : 0,
  ]
}
