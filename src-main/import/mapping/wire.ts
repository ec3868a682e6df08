import { positionsOf, type ResponseRecord, type ValuesAt } from '../../../src-shared/domain/response'

/**
 * One response as every import format delivers it to the writer, whatever the source's columns were:
 * the fields of the one response definition (src-shared/domain/response.ts) a file gives as they are,
 * and in place of the ids the writer resolves, what the file says of the customer and the question.
 */
type WireValues = Pick<ResponseRecord, FromTheFile> & {
  customerRef: string | null
  customerEmail: string | null
  customerName: string | null
  customerPhone: string | null
  segment: string | null
  /** The question's spec key (metric, scale, and the column whose header asks it): db/questionLookup.ts. */
  questionKey: string | null
  /** 1: the time had no zone and was read in the import's; 0: it stated its own. */
  readInZone: 0 | 1
  /** Keys an older version may have stored it under; null unless the workspace has such rows. */
  legacyKeys: string[] | null
}

/** The response fields a file gives as they are (ids are resolved and the band computed when stored). */
type FromTheFile =
  | 'dedupKey' | 'externalRef' | 'score' | 'submittedAt' | 'submittedOffset' | 'localDate' | 'channel' | 'touchpoint'
  | 'stage' | 'location' | 'language' | 'comment' | 'status' | 'owner' | 'resolvedAt'

/** The order of a WireResponse's values (every WireValues field: the compiler checks). */
const WIRE_FIELDS = [
  'dedupKey', 'externalRef', 'customerRef', 'customerEmail', 'customerName', 'customerPhone', 'segment', 'questionKey',
  'score', 'submittedAt', 'submittedOffset', 'localDate', 'channel', 'touchpoint', 'stage', 'location',
  'language', 'comment', 'status', 'owner', 'resolvedAt', 'readInZone', 'legacyKeys',
] as const satisfies ReadonlyArray<keyof WireValues>
const everyWireField: Exclude<keyof WireValues, (typeof WIRE_FIELDS)[number]> extends never ? true : never = true
void everyWireField

/**
 * A mapped response on its way from the thread that reads the file to the one that writes: its values
 * by position in WIRE_FIELDS' order (no property names repeated per row, no object per row: the
 * reader's mapper fills the tuple directly), the local date already cut in the workspace's zone.
 */
export type WireResponse = ValuesAt<typeof WIRE_FIELDS, WireValues>

/** The position of each value in a WireResponse, for the writer that reads the tuple without building an object per row. */
export const WIRE = positionsOf(WIRE_FIELDS)
