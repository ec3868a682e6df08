import { describe, expect, expectTypeOf, it } from 'vitest'
import { openInMemoryWorkspace } from '../../../src-main/db/connect'
import { defaultQuestions } from '../../../src-main/workspace/defaultQuestions'
import { INSERT_COLUMNS, responseWriter, type ResponseInsert } from '../../../src-main/db/responses'
import { WIRE, type WireResponse } from '../../../src-main/import/mapping/tableMapper'
import { feedbackItemSchema, type FeedbackItem } from '../../../src-shared/api/feedback'
import { responseFields, responseRecordSchema, snakeCase, type ResponseRecord } from '../../../src-shared/domain/response'

/** One value per field, each different from every other, so a value stored in the wrong column shows. */
const distinct: ResponseRecord = {
  dedupKey: 'key-1', importId: 21, externalRef: 'ext-2', customerId: 22, questionId: 23, score: 9,
  submittedAt: 1_700_000_000_003, submittedOffset: 420, localDate: '2023-11-15', channel: 'ch-4', touchpoint: 'tp-5',
  stage: 'st-6', location: 'loc-7', language: 'vi', comment: 'comment-8', respondentEmail: 'r9@example.com', status: 'in_progress',
  owner: 'owner-10', statusChangedAt: 1_700_000_000_011, statusChangedBy: 'by-12', resolvedAt: 1_700_000_000_013, sentiment: 0.25,
  readInZone: true,
}

describe('one response definition', () => {
  it('names columns the migrated responses table has, and nothing the table stores is missing from it', async () => {
    const ws = await openInMemoryWorkspace()
    const columns = (ws.sqlite.prepare('PRAGMA table_info(responses)').all() as Array<{ name: string }>).map((c) => c.name)
    await ws.close()
    const computedOnStore = ['id', 'band', 'created_at', 'updated_at']
    expect(responseFields.map(snakeCase).sort()).toEqual(columns.filter((c) => !computedOnStore.includes(c)).sort())
  })

  it('writes every field into its own column', async () => {
    const ws = await openInMemoryWorkspace()
    const { db } = ws
    await db.insertInto('imports').values({ id: 21, file_name: 'f.csv', format: 'csv', started_at: 0, finished_at: 0, status: 'done', rows_read: 1, rows_imported: 1, rows_duplicate: 0, rows_rejected: 0, timezone: null, mapping: null }).execute()
    await db.insertInto('customers').values({ id: 22, external_ref: null, name: 'C', email: null, phone: null, segment: null, location: null, customer_since: null, churned_at: null, created_at: 0, updated_at: 0 }).execute()
    await db.insertInto('questions').values({ ...defaultQuestions[0], id: 23 }).execute()
    const id = responseWriter(ws.sqlite)({ ...distinct, now: 1_700_000_000_099 })
    const row = ws.sqlite.prepare('SELECT * FROM responses WHERE id = ?').get(id) as Record<string, unknown>
    await ws.close()
    for (const field of responseFields) {
      const expected = field === 'readInZone' ? 1 : distinct[field]
      expect([field, row[snakeCase(field)]]).toEqual([field, expected])
    }
    expect(row.band).toBe(1)
    expect([row.created_at, row.updated_at]).toEqual([1_700_000_000_099, 1_700_000_000_099])
    expect(INSERT_COLUMNS).toHaveLength(new Set(INSERT_COLUMNS).size)
  })

  it('gives each wire position its own value type', () => {
    expect(Object.values(WIRE)).toEqual(Object.keys(WIRE).map((_, i) => i))
    expectTypeOf<WireResponse[typeof WIRE.score]>().toEqualTypeOf<ResponseRecord['score']>()
    expectTypeOf<WireResponse[typeof WIRE.status]>().toEqualTypeOf<ResponseRecord['status']>()
    expectTypeOf<WireResponse[typeof WIRE.customerEmail]>().toEqualTypeOf<string | null>()
    expectTypeOf<WireResponse[typeof WIRE.resolvedAt]>().toEqualTypeOf<ResponseRecord['resolvedAt']>()
    expectTypeOf<WireResponse[typeof WIRE.localDate]>().toEqualTypeOf<string>()
  })

  it('derives the writer, import and API shapes from it', () => {
    expectTypeOf<ResponseInsert['submittedOffset']>().toEqualTypeOf<ResponseRecord['submittedOffset']>()
    expectTypeOf<FeedbackItem['status']>().toEqualTypeOf<ResponseRecord['status']>()
    const shared = Object.keys(feedbackItemSchema.shape).filter((k) => k in responseRecordSchema.shape) as Array<keyof ResponseRecord>
    for (const k of shared) expect(feedbackItemSchema.shape[k as keyof typeof feedbackItemSchema.shape]).toBe(responseRecordSchema.shape[k])
  })
})
