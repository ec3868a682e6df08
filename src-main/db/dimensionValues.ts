import type { Kysely } from 'kysely'
import type Database from 'better-sqlite3'
import type { Facets } from '../../src-shared/api/feedback'
import type { DB } from './schema'

/** The response columns a filter or a journey link names. */
export type ResponseDimension = 'channel' | 'touchpoint' | 'stage' | 'location' | 'language' | 'owner'

// The one reader of the values the dimensions take in the stored responses, for the inbox's filter
// menus (feedback.facets) and the journey editor's links. metrics.facets answers another question —
// the values of scored responses in the summaries, counted — and reads the rollups (metrics/facets.ts).

/** Each dimension's distinct values, alphabetical, at most 500 (each from its own index: no count, no scan of the responses). */
export function distinctValues(sqlite: Database.Database): Facets {
  const distinct = (query: string) => (sqlite.prepare(query).all() as Array<{ v: string }>).map((r) => r.v)
  const col = (c: ResponseDimension) => distinct(`SELECT DISTINCT ${c} v FROM responses WHERE ${c} IS NOT NULL ORDER BY 1 LIMIT 500`)
  return {
    channel: col('channel'),
    touchpoint: col('touchpoint'),
    stage: col('stage'),
    location: col('location'),
    language: col('language'),
    owner: col('owner'),
    segment: distinct('SELECT DISTINCT segment v FROM customers WHERE segment IS NOT NULL ORDER BY 1 LIMIT 500'),
    tag: distinct('SELECT name v FROM tags ORDER BY name COLLATE NOCASE LIMIT 500'),
  }
}

/** How many responses carry each value of a dimension (set), most first. */
export async function valueCounts(db: Kysely<DB>, dimension: ResponseDimension): Promise<Array<{ value: string; n: number }>> {
  const rows = await db
    .selectFrom('responses')
    .select([`${dimension} as value`, (eb) => eb.fn.countAll<number>().as('n')])
    .where(dimension, 'is not', null)
    .groupBy(dimension)
    .orderBy('n', 'desc')
    .execute()
  return rows as Array<{ value: string; n: number }>
}

/** How many responses carry each touchpoint, per channel it was given on. */
export async function touchpointCounts(db: Kysely<DB>): Promise<Array<{ value: string; channel: string | null; n: number }>> {
  const rows = await db
    .selectFrom('responses')
    .select(['touchpoint as value', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where('touchpoint', 'is not', null)
    .groupBy(['touchpoint', 'channel'])
    .execute()
  return rows as Array<{ value: string; channel: string | null; n: number }>
}
