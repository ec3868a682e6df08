import { z } from 'zod'
import { errorCodes, type ApiError } from './appError'

// AppError and the codes live in appError.ts (no zod: worker threads load them without it).
export { AppError, errorCodes, isAppError, type ApiError, type ErrorCode } from './appError'

export const apiErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
}) satisfies z.ZodType<ApiError>

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError }
