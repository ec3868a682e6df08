import { z } from 'zod'

/** Length limits applied at the boundary so no request can smuggle megabytes into a handler. */
export const shortText = z.string().max(200)
export const mediumText = z.string().max(2_000)
export const longText = z.string().max(20_000)
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
export const opaqueId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected an opaque id')
/** An instant in milliseconds since 1970, within the range a JavaScript Date can hold. */
export const epochMs = z.number().int().min(-8_640_000_000_000_000).max(8_640_000_000_000_000)
