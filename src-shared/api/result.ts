import { z } from 'zod'

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

export const apiErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
})
export type ApiError = z.infer<typeof apiErrorSchema>

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError }

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
