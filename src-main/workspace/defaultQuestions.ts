import type { NewQuestion } from '../db/questions'
import { defaultThresholds, type Direction } from '../../src-shared/domain/scores'
import type { MetricKind } from '../../src-shared/domain/scores'

const question = (key: string, metric: MetricKind, label: string, min: number, max: number, direction: Direction): NewQuestion => {
  const t = defaultThresholds(metric, min, max, direction)
  return { key, metric, label, scale_min: min, scale_max: max, direction, good_threshold: t.good, poor_threshold: t.poor }
}

/** The score questions every workspace starts with (METRICS.md): NPS 0–10, CSAT 1–5, CES 1–7 agreement form. */
export const defaultQuestions: NewQuestion[] = [
  question('nps', 'nps', 'How likely are you to recommend us to a friend or colleague?', 0, 10, 'higher_better'),
  question('csat', 'csat', 'How satisfied were you?', 1, 5, 'higher_better'),
  question('ces', 'ces', 'The company made it easy for me to handle my issue.', 1, 7, 'higher_better'),
]
