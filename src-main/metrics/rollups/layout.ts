import type { Dimension } from '../../../src-shared/api/filters'

/**
 * How the rollup tables are laid out (migrations 2026-11-23-metrics-rollups, 2026-11-29-rollup-owner): the dimensions stored
 * as columns of the cubes, the dimension numbers of the slices, the grains, and the band sentinel.
 */
export const cubeDims = ['channel', 'touchpoint', 'stage', 'location', 'language', 'segment', 'owner'] as const
export type CubeDim = (typeof cubeDims)[number]

/** What a row counts: a scored answer, feedback that needed a follow-up, a customer joining, a customer leaving. */
export const FACT_SCORE = 0
export const FACT_FOLLOW_UP = 1
export const FACT_JOINED = 2
export const FACT_LEFT = 3

/** rollup_slices.dim: 0 is "not broken down"; tags are 7; owners (migration 2026-11-29-rollup-owner) 8. */
export const sliceDimNumber: Record<CubeDim | 'tag', number> = { channel: 1, touchpoint: 2, stage: 3, location: 4, language: 5, segment: 6, tag: 7, owner: 8 }
export const SLICE_NONE = 0

/** rollup_slices.grain. Days live only in the day cube. */
export const GRAIN_WEEK = 1
export const GRAIN_MONTH = 2

/** A row without a band (customers, or a response stored without one) has band 2 (a key column cannot be NULL). */
export const NO_BAND = 2

export const isCubeDim = (d: Dimension): d is CubeDim => (cubeDims as readonly string[]).includes(d)

/**
 * SQL for the local day a journal row of FACT_LEFT counts on: its churn date, when both it and the
 * join date (joined_stamp) are dates and it is not before the join; otherwise NULL, and the leaving is
 * not counted (the customer stays counted from the day they joined, as with a churn value that is
 * not a date). The raw count applies the same rule (metrics/lifecycle.ts placedCustomer).
 */
export const leaveDaySql = `CASE WHEN cxdesk_local_day(stamp) >= cxdesk_local_day(joined_stamp) THEN cxdesk_local_day(stamp) END`

/** SQL for the month number (year · 12 + month) of a day number. */
const monthNumberOf = (day: string) => `(CAST(strftime('%Y', ${day} * 86400, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ${day} * 86400, 'unixepoch') AS INTEGER))`

/**
 * SQL for what a leaving (FACT_LEFT) keeps of its join day in the week or month summaries: how many
 * ISO weeks or calendar months lie between the week (month) its customer joined and the one they left
 * (0: the same one). `day` and `joined` are day numbers.
 */
export const leavingValue = (grain: 'week' | 'month', day: string, joined: string) =>
  grain === 'month' ? `(${monthNumberOf(day)} - ${monthNumberOf(joined)})` : `((${weekOf(day)} - ${weekOf(joined)}) / 7)`

/** SQL for a day number (days since 1970-01-01) from a YYYY-MM-DD text column. */
export const dayOf = (col: string) => `(unixepoch(${col}) / 86400)`
/** SQL for the day number of the Monday starting the ISO week of a day number. */
export const weekOf = (day: string) => `(${day} - (((${day} + 3) % 7) + 7) % 7)`
/** SQL for the day number of the first day of the month of a day number. */
export const monthOf = (day: string) => `(unixepoch(${day} * 86400, 'unixepoch', 'start of month') / 86400)`

/**
 * SQL aggregate packing slice rows (columns grp, value, band, n) into the bytes of a pack: each
 * cell as four big-endian 32-bit integers (migration 2026-11-26-binary-slice-packs). `& 4294967295`
 * gives a negative value's two's complement in eight hex digits.
 */
export const packedCellsSql = `unhex(group_concat(printf('%08x%08x%08x%08x', grp & 4294967295, value & 4294967295, band & 4294967295, n & 4294967295), ''))`
/**
 * The cells of a pack as numbers: grp, value, band, n, grp, value, band, n, … A plain loop over the
 * result is what lets V8 keep a chart's few thousand cells in registers (a per-cell callback, shared
 * by several readers, is a real call each time and took twice as long).
 */
export function unpackCells(cells: Uint8Array): Int32Array {
  const view = new DataView(cells.buffer, cells.byteOffset, cells.byteLength)
  const out = new Int32Array(cells.byteLength >> 2)
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(i << 2)
  return out
}
