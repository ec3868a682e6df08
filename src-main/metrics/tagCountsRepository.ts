import type { FeedbackFilter } from '../../src-shared/api/filters'
import { filteredResponses } from '../db/feedbackFilter'
import type { Sqlite } from '../db/sqlite'
import { build, rowsOf } from '../db/syncQuery'

/**
 * Feedback without a score (no question) per tag over a filter: the part of a theme's count the
 * summaries do not hold. Synchronous, so that it reads the same snapshot as the summaries beside it.
 * Such rows have question_id NULL, so the question-and-date index (responses_question_date) finds a
 * period's without reading the scored responses.
 */
export function unscoredPerTag(sqlite: Sqlite, filter: FeedbackFilter): Array<{ name: string; n: number }> {
  return rowsOf(
    sqlite,
    filteredResponses(build, filter, { joins: false })
      .where('r.question_id', 'is', null)
      .innerJoin('response_tags as rt', 'rt.response_id', 'r.id')
      .innerJoin('tags as t', 't.id', 'rt.tag_id')
      .select(['t.name', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('t.name'),
  )
}
