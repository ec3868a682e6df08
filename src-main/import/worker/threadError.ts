import { AppError, isAppError } from '../../../src-shared/api/result'
import { refuse, SAVE_AS_CSV } from '../source/limits'
import type { FailedMessage } from './protocol'

/** An error as a message to the other thread. */
export function failedMessage(e: unknown): FailedMessage {
  const err = e as Error
  return {
    type: 'failed',
    name: err?.name ?? 'Error',
    message: err?.message ?? String(e),
    ...(isAppError(e) ? { code: e.code, ...(e.details ? { details: e.details } : {}) } : {}),
  }
}

/** The error the other thread met, as this one would have met it. */
export function errorFrom(m: FailedMessage): Error {
  if (m.code) return new AppError(m.code, m.message, m.details)
  // A decoding error keeps its kind, so the import says which encoding to choose.
  if (m.name === 'TypeError') return new TypeError(m.message)
  return new Error(m.message)
}

/**
 * A reader thread that died instead of answering: out of its memory limit (a file that got past
 * the bounds), or stopped. Said plainly; the app itself goes on.
 */
export function readerDied(fileName: string, why: { error?: Error; exitCode?: number; timedOutMs?: number }): AppError {
  if (why.timedOutMs !== undefined)
    return refuse('readerFailed', `Reading ${fileName} took longer than ${Math.ceil(why.timedOutMs / 1000)} s, so it was stopped. The file may be damaged. ${SAVE_AS_CSV}`, { file: fileName })
  if ((why.error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return refuse('readerFailed', `Reading ${fileName} needed more memory than CX Desk gives one file, so it was stopped. The file may be damaged. ${SAVE_AS_CSV}`, { file: fileName })
  const detail = why.error ? why.error.message : `exit code ${why.exitCode}`
  return refuse('readerFailed', `Reading ${fileName} stopped unexpectedly (${detail}). The file may be damaged. ${SAVE_AS_CSV}`, { file: fileName })
}
