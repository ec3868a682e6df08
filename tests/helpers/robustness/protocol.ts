import type { ImportKind, ImportSummary, Inspection } from '../../../src-shared/api/imports'
import type { Result } from '../../../src-shared/api/result'

/*
 * What the robustness suite's child processes and the test that drives them say to each other.
 * The children run the app's own code (bundle.ts), so a file or a kill that ends them ends only them.
 */

/** A call's answer and how long it took. */
export interface Timed<T> {
  result: Result<T>
  ms: number
}

/** The file half: import this file through import.inspect, then import.run. */
export interface FileOrder {
  id: number
  path: string
  kind: ImportKind
  /** Send the inspection's mapping with import.run (as the import page does), or none (as the CLI does). */
  withMapping: boolean
}

export interface FileAnswer {
  id: number
  inspect: Timed<Inspection>
  run: Timed<ImportSummary>
  /** Score columns of the inspected mapping: one row makes one response when there is at most one. */
  scoreColumns: number | null
}

export type FileChildMessage = { type: 'ready'; workspace: string } | ({ type: 'answer' } & FileAnswer)

/** The kill half: how the child imports, so the test can kill it at a moment of its own choosing. */
export interface KillChildArgs {
  home: string
  workspace: string
  file: string
  /**
   * 'worker': import.run through the dispatcher (the import worker and its reader thread), progress
   * printed as it comes. 'steps': the same import in the child's main thread, each statement of the
   * transaction's own (BEGIN, index builds, ANALYZE, COMMIT) printed just before it runs.
   * 'complete': open the workspace, print what it holds, import to the end.
   */
  mode: 'worker' | 'steps' | 'complete'
}

/** Lines the kill child prints, one JSON object each. */
export type KillChildLine =
  | { type: 'opened'; responses: number; imports: number; quickCheck: string }
  | { type: 'progress'; rowsRead: number; bytesRead: number }
  | { type: 'step'; sql: string }
  /** The statement has returned: printed after it, as `step` is before it. */
  | { type: 'stepDone'; sql: string }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'failed'; code: string; message: string }
