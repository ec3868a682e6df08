import { z } from 'zod'
import { followUpStatuses } from './scores'

/**
 * A response as CX Desk keeps it: the one definition every other shape of a response is derived
 * from — the table's row type (db/schema.ts, columns in snake_case), the row a writer stores
 * (db/responses.ts ResponseInsert), the tuple every import format delivers to the import's writer
 * (import/mapping/wire.ts) and the API's
 * FeedbackItem (api/feedback.ts). A field added here reaches all of them; the compiler names each
 * place that must then say what to do with it.
 *
 * Not here: what is computed from these fields when stored (the score's band, created/updated
 * times) and what lives in other tables (tags, notes, the customer's facts, the question).
 */
export const responseRecordSchema = z.object({
  /** Identifies one answer across imports, so a file imported twice stores it once. */
  dedupKey: z.string(),
  importId: z.number().int().nullable(),
  /** The source's own id for the answer (a response id column), when it has one. */
  externalRef: z.string().nullable(),
  customerId: z.number().int().nullable(),
  questionId: z.number().int().nullable(),
  score: z.number().nullable(),
  /** The instant, epoch milliseconds (UTC). */
  submittedAt: z.number(),
  /** Minutes east of UTC the source stated, or null when it stated none. */
  submittedOffset: z.number().int().nullable(),
  /** yyyy-mm-dd in the workspace's zone at import: what periods and reports group by. */
  localDate: z.string(),
  channel: z.string().nullable(),
  touchpoint: z.string().nullable(),
  stage: z.string().nullable(),
  location: z.string().nullable(),
  language: z.string().nullable(),
  comment: z.string().nullable(),
  /** The contact a row gave when it is linked to no customer. */
  respondentEmail: z.string().nullable(),
  status: z.enum(followUpStatuses),
  owner: z.string().nullable(),
  statusChangedAt: z.number().nullable(),
  statusChangedBy: z.string().nullable(),
  resolvedAt: z.number().nullable(),
  /** −1…+1 from the comment's words, or null without a comment. */
  sentiment: z.number().nullable(),
  /** True: the time had no zone and was read in its import's; false: the source stated it; null: not known. */
  readInZone: z.boolean().nullable(),
})
export type ResponseRecord = z.infer<typeof responseRecordSchema>
export type ResponseField = keyof ResponseRecord

/** `submittedAt` → `submitted_at`: a response field's column name, at the type level. */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Uppercase<Head> ? (Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`) : Head}${SnakeCase<Tail>}`
  : S

/** `submittedAt` → `submitted_at`: a field's column name. */
export function snakeCase<S extends string>(name: S): SnakeCase<S> {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as SnakeCase<S>
}

export const responseFields = responseRecordSchema.keyof().options

/** The fields as columns, with the record's value types (the table may store some differently). */
export type ResponseColumns = { [K in ResponseField as SnakeCase<K>]: ResponseRecord[K] }

/**
 * `{ a: 0, b: 1 }` for the tuple `['a', 'b']`: each name's position as a literal type, so a reader
 * of a positional row (`row[at.score]`) gets the element's own type, not the union of all.
 */
export type PositionsOf<T extends readonly string[]> = {
  [I in keyof T as T[I] extends string ? T[I] : never]: I extends `${infer N extends number}` ? N : never
}

export function positionsOf<const T extends readonly string[]>(names: T): PositionsOf<T> {
  return Object.fromEntries(names.map((name, i) => [name, i])) as PositionsOf<T>
}

/** The tuple of `Values`' types at `Names` (a generic, so the mapping keeps the tuple's shape). */
export type ValuesAt<Names extends readonly PropertyKey[], Values> = { -readonly [I in keyof Names]: Values[Names[I] & keyof Values] }
