import type { Sqlite } from '../../db/sqlite'
import { AppError } from '../../../src-shared/api/result'
import type { BusinessHours, RollupPhase } from '../../../src-shared/api/metrics'
import { localDateConverter } from '../../../src-shared/domain/timezone'
import { dayNumber } from '../../../src-shared/domain/periods'
import { recomputeBands, relocalizeDates, responseIdRange } from '../../db/responses'
import { writeMetaValue } from '../../db/meta'
import { analyzeSummaries, clearRollups, createTriggers, dropTriggers, foldJournal, journalFromCustomers, journalFromResponses, journalSpan, responseSpan, rollupTriggers } from './rollupMaintainRepository'
import { BUSINESS_HOURS_KEY, factDerivations } from './derivations'
import { updateQuestionDefinitions, type QuestionDefinitionRow } from '../definitionsRepository'
import { inTransaction } from '../../db/transaction'

/** What a rebuild changes first, in the same transaction: the zone periods are cut in, or score definitions. */
export type RollupChange =
  | { type: 'timezone'; timezone: string }
  | { type: 'definitions'; questions: QuestionDefinitionRow[] }
  | { type: 'businessHours'; businessHours: BusinessHours }

export type RollupJob = { kind: 'fold' } | { kind: 'rebuild'; change?: RollupChange }

export interface JobHooks {
  onProgress?: (p: { phase: RollupPhase; done: number; total: number }) => void
  isCancelled?: () => boolean
}

/** Journal rows folded per transaction by a background fold, so writers never wait long. */
export const FOLD_CHUNK = 100_000
/**
 * A fold of more than this many journal rows (an import) changes the month cube enough to gather its
 * planner statistics again; smaller folds (edits, a few thousand new answers) leave its shape as it
 * was. Folds on the main connection stop at the same number (keeper.ts FOLD_INLINE_UP_TO), so the
 * seconds of ANALYZE are always spent in the worker.
 */
export const ANALYZE_AFTER = 50_000
/** Responses rewritten per step of a rebuild (dates or bands), between progress reports. */
const REWRITE_CHUNK = 50_000

function checkCancelled(hooks: JobHooks): void {
  if (hooks.isCancelled?.()) throw new AppError('CANCELLED', 'Cancelled; nothing was changed.')
}

/**
 * Folds the whole journal, a chunk per transaction: each commit leaves summaries + journal exact,
 * so a fold can stop (cancel, crash) between chunks without harm.
 */
export function foldAll(sqlite: Sqlite, hooks: JobHooks = {}): number {
  const start = journalSpan(sqlite)
  let folded = 0
  for (;;) {
    checkCancelled(hooks)
    const step = inTransaction(sqlite, () => {
      const span = journalSpan(sqlite)
      if (!span.pending) return null
      const upTo = Math.min(span.maxId, span.minId + FOLD_CHUNK - 1)
      foldJournal(sqlite, upTo, factDerivations(sqlite))
      return upTo
    }, 'immediate')
    if (step === null) {
      if (folded > ANALYZE_AFTER) analyzeSummaries(sqlite)
      return folded
    }
    folded = step - start.minId + 1
    hooks.onProgress?.({ phase: 'fold', done: Math.min(folded, start.pending), total: start.pending })
  }
}

/** The months (as [first day, first day of the next]) from one local date to another. */
function monthSteps(first: string, last: string): Array<[string, string]> {
  const steps: Array<[string, string]> = []
  let y = Number(first.slice(0, 4))
  let m = Number(first.slice(5, 7))
  const end = dayNumber(last)
  for (;;) {
    const start = `${y}-${String(m).padStart(2, '0')}-01`
    if (dayNumber(start) > end) return steps
    if (m === 12) {
      y += 1
      m = 1
    } else m += 1
    steps.push([start, `${y}-${String(m).padStart(2, '0')}-01`])
  }
}

/**
 * Applies a change to the responses and rebuilds every summary from them, in ONE transaction: the
 * workspace is either entirely as before or entirely new. The rollup triggers are taken out while
 * the responses are rewritten (a million journal rows would be written and folded for nothing) and
 * put back exactly as they were.
 */
export function rebuildRollups(sqlite: Sqlite, change: RollupChange | undefined, hooks: JobHooks = {}): void {
  inTransaction(sqlite, () => {
    const triggers = rollupTriggers(sqlite)
    dropTriggers(sqlite, triggers)
    const ids = responseIdRange(sqlite)
    const rewrite = (phase: RollupPhase, step: (range: { from: number; to: number }) => void) => {
      const total = Math.max(0, ids.max - ids.min + 1)
      for (let from = ids.min; from <= ids.max; from += REWRITE_CHUNK) {
        checkCancelled(hooks)
        step({ from, to: Math.min(ids.max, from + REWRITE_CHUNK - 1) })
        hooks.onProgress?.({ phase, done: Math.min(total, from + REWRITE_CHUNK - ids.min), total })
      }
    }
    if (change?.type === 'timezone') {
      const localDateOf = localDateConverter(change.timezone)
      rewrite('dates', (range) => relocalizeDates(sqlite, localDateOf, range))
      writeMetaValue(sqlite, 'timezone', change.timezone)
    } else if (change?.type === 'definitions') {
      updateQuestionDefinitions(sqlite, change.questions)
      rewrite('bands', (range) => recomputeBands(sqlite, range))
    } else if (change?.type === 'businessHours') writeMetaValue(sqlite, BUSINESS_HOURS_KEY, JSON.stringify(change.businessHours))

    // The summaries are rebuilt through the journal, a question and a month at a time, folded as they go.
    clearRollups(sqlite)
    const derive = factDerivations(sqlite)
    const fold = () => {
      const span = journalSpan(sqlite)
      if (span.pending) foldJournal(sqlite, span.maxId, derive)
    }
    const steps = responseSpan(sqlite).flatMap((q) => monthSteps(q.first, q.last).map(([from, before]) => ({ questionId: q.questionId, from, before })))
    steps.forEach((s, i) => {
      checkCancelled(hooks)
      journalFromResponses(sqlite, s.questionId, s.from, s.before)
      fold()
      hooks.onProgress?.({ phase: 'summaries', done: i + 1, total: steps.length + 1 })
    })
    journalFromCustomers(sqlite)
    fold()
    hooks.onProgress?.({ phase: 'summaries', done: steps.length + 1, total: steps.length + 1 })
    createTriggers(sqlite, triggers)
    analyzeSummaries(sqlite)
  }, 'immediate')
}

export function runRollupJob(sqlite: Sqlite, job: RollupJob, hooks: JobHooks = {}): void {
  if (job.kind === 'fold') foldAll(sqlite, hooks)
  else rebuildRollups(sqlite, job.change, hooks)
}

