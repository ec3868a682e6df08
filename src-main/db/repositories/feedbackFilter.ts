import { sql, type Kysely } from 'kysely'
import type { DB } from '../schema'
import type { FeedbackFilter } from '../../../src-shared/api/filters'
import { bandValue } from '../../../src-shared/domain/scores'

/**
 * Responses (r) with their question (q) and customer (c), narrowed by a FeedbackFilter. The one
 * place a filter becomes SQL, so the inbox, the charts and the reports agree on what a filter means.
 */
export function filteredResponses(db: Kysely<DB>, f: FeedbackFilter = {}) {
  let q = db
    .selectFrom('responses as r')
    .leftJoin('questions as q', 'q.id', 'r.question_id')
    .leftJoin('customers as c', 'c.id', 'r.customer_id')
  if (f.from) q = q.where('r.local_date', '>=', f.from)
  if (f.to) q = q.where('r.local_date', '<=', f.to)
  if (f.metric?.length) q = q.where('q.metric', 'in', f.metric)
  if (f.band?.length) q = q.where('r.band', 'in', f.band.map((b) => bandValue[b]))
  if (f.score?.length) q = q.where('r.score', 'in', f.score)
  if (f.channel?.length) q = q.where('r.channel', 'in', f.channel)
  if (f.touchpoint?.length) q = q.where('r.touchpoint', 'in', f.touchpoint)
  if (f.stage?.length) q = q.where('r.stage', 'in', f.stage)
  if (f.location?.length) q = q.where('r.location', 'in', f.location)
  if (f.language?.length) q = q.where('r.language', 'in', f.language)
  if (f.segment?.length) q = q.where('c.segment', 'in', f.segment)
  if (f.status?.length) q = q.where('r.status', 'in', f.status)
  if (f.owner?.length) q = q.where('r.owner', 'in', f.owner)
  if (f.tag?.length) {
    const names = f.tag
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('response_tags as rt')
          .innerJoin('tags as t', 't.id', 'rt.tag_id')
          .select(sql<number>`1`.as('one'))
          .whereRef('rt.response_id', '=', 'r.id')
          .where('t.name', 'in', names),
      ),
    )
  }
  if (f.text) {
    // Plain substring match; wildcards in the user's text are taken literally.
    const pattern = `%${f.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    q = q.where(sql<boolean>`r.comment LIKE ${pattern} ESCAPE '\\'`)
  }
  return q
}
