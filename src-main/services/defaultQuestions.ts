import type { Insertable } from 'kysely'
import type { QuestionsTable } from '../db/schema'

/** The score questions every workspace starts with (METRICS.md): NPS 0–10, CSAT 1–5, CES 1–7 agreement form. */
export const defaultQuestions: Insertable<QuestionsTable>[] = [
  { key: 'nps', metric: 'nps', label: 'How likely are you to recommend us to a friend or colleague?', scale_min: 0, scale_max: 10, direction: 'higher_better' },
  { key: 'csat', metric: 'csat', label: 'How satisfied were you?', scale_min: 1, scale_max: 5, direction: 'higher_better' },
  { key: 'ces', metric: 'ces', label: 'The company made it easy for me to handle my issue.', scale_min: 1, scale_max: 7, direction: 'higher_better' },
]
