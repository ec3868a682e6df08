/**
 * The error codes and AppError without zod (result.ts adds the schema and re-exports these): a
 * worker thread that only reads and formats (an export's reader threads) throws AppError without
 * loading zod, which was most of its 590 KB bundle and of the thread's start-up.
 */

/** Every failure that crosses a transport carries one of these codes; the UI translates by code. */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'NO_WORKSPACE',
  'NOT_A_WORKSPACE',
  'CORRUPT_WORKSPACE',
  'NEWER_WORKSPACE',
  'FILE_NOT_FOUND',
  'FILE_EXISTS',
  'NOT_FOUND',
  'IMPORT_FAILED',
  'CANCELLED',
  'UNSUPPORTED',
  'UNAUTHORIZED',
  'IO',
  'INTERNAL',
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** An error as it crosses a transport (result.ts's apiErrorSchema checks this shape). */
export interface ApiError {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

/** Thrown inside main-process services; the dispatcher turns it into a Result value. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'AppError'
  }
  toJSON(): ApiError {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) }
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
