import type Database from 'better-sqlite3'
import type { ResponseInsert } from '../../../src-main/db/responses'
import { feedbackWriter } from '../../../src-main/feedback/feedbackWriter'
import type { MetricsSource } from '../../../src-main/metrics/series'
import type { OpenWorkspace } from '../../../src-main/db/openWorkspace'
import { unpackCells } from '../../../src-main/metrics/rollups/layout'

/** The default questions' ids in a fresh workspace (workspace/defaultQuestions.ts). */
export const QUESTION = { nps: 1, csat: 2, ces: 3 } as const

export function sourceOf(open: OpenWorkspace): MetricsSource {
  return { db: open.db, sqlite: open.ws.sqlite, timezone: open.settings.timezone }
}

/** Adds one scored response through the writer every import uses (band, sentiment, search index, rule tags); returns its id. */
export function responseAdder(open: OpenWorkspace) {
  let seq = 0
  return (metric: keyof typeof QUESTION | null, score: number | null, extra: Partial<Omit<ResponseInsert, 'sentiment'>> & { at?: number } = {}): number => {
    const at = extra.at ?? Date.UTC(2025, 2, 10, 5)
    const dedupKey = extra.dedupKey ?? `k${seq++}`
    feedbackWriter(open.ws.sqlite, 0)({
      dedupKey, importId: null, externalRef: null, customerId: null, questionId: metric ? QUESTION[metric] : null, score,
      submittedAt: at, submittedOffset: 0, localDate: open.localDateOf(at), channel: 'store', touchpoint: 'Counter', stage: 'Purchase',
      location: 'Bangkok', language: 'th', comment: null, respondentEmail: null, status: 'new', owner: null, statusChangedAt: null,
      resolvedAt: null, now: 0, ...extra,
    })
    return (open.ws.sqlite.prepare('SELECT id FROM responses WHERE dedup_key = ?').get(dedupKey) as { id: number }).id
  }
}

/** Every slice cell as written by the folds, and as the packs the charts read hold it. */
export const sliceCells = (db: Database.Database) =>
  (db.prepare('SELECT grain, dim, fact, question_id, period, grp, value, band, n FROM rollup_slices').raw().all() as number[][]).map((r) => r.join(',')).sort()
export const packedCells = (db: Database.Database) =>
  (db.prepare('SELECT grain, dim, fact, question_id, period, cells FROM rollup_slice_packs').raw().all() as Array<[number, number, number, number, number, Uint8Array]>)
    .flatMap(([grain, dim, fact, question, period, cells]) => {
      const c = unpackCells(cells)
      return Array.from({ length: c.length / 4 }, (_, i) => [grain, dim, fact, question, period, ...c.slice(4 * i, 4 * i + 4)].join(','))
    })
    .sort()
