import type { FollowUpStatus } from '../../../src-shared/domain/scores'

/**
 * A mapped response as it goes from the thread that reads the file to the one that writes: its
 * values by position (no property names repeated per row), the question as its spec key and the
 * local date already cut in the workspace's zone.
 */
export type WireResponse = [
  dedupKey: string,
  externalRef: string | null,
  customerRef: string | null,
  customerEmail: string | null,
  customerName: string | null,
  customerPhone: string | null,
  segment: string | null,
  questionKey: string | null,
  score: number | null,
  submittedAt: number,
  submittedOffset: number | null,
  localDate: string,
  channel: string | null,
  touchpoint: string | null,
  stage: string | null,
  location: string | null,
  language: string | null,
  comment: string | null,
  status: FollowUpStatus,
  owner: string | null,
  resolvedAt: number | null,
  /** 1: the time had no zone and was read in the import's; 0: it stated its own. */
  readInZone: 0 | 1,
  /** Keys an older version may have stored it under; null unless the workspace has such rows. */
  legacyKeys: string[] | null,
]

/** The position of each value in a WireResponse, for the writer that reads the tuple without building an object per row. */
export const WIRE = {
  dedupKey: 0, externalRef: 1, customerRef: 2, customerEmail: 3, customerName: 4, customerPhone: 5, segment: 6, questionKey: 7,
  score: 8, submittedAt: 9, submittedOffset: 10, localDate: 11, channel: 12, touchpoint: 13, stage: 14, location: 15,
  language: 16, comment: 17, status: 18, owner: 19, resolvedAt: 20, readInZone: 21, legacyKeys: 22,
} as const
