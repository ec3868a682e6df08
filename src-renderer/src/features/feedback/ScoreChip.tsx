import type { FeedbackItem } from '../../../../src-shared/api/feedback'
import { sentimentLabel } from '../../../../src-shared/domain/sentiment'
import { useI18n } from '../../i18n/I18nProvider'

/** The score with the colour of its band (promoter / passive / detractor, or satisfied … unsatisfied). */
export function ScoreChip({ item }: { item: FeedbackItem }) {
  const { t } = useI18n()
  if (!item.metric || item.score === null) return null
  return (
    <span className={`score score-${item.band ?? 'neutral'}`} title={item.band ? t(`band.${item.band}`) : undefined}>
      {t('inbox.score', { metric: t(`metric.${item.metric}`), score: item.score, max: item.scaleMax ?? '' })}
    </span>
  )
}

const GLYPH = { positive: '▲', neutral: '●', negative: '▼' } as const

/** A small marker of the comment's sentiment (computed offline from the workspace's lexicon). */
export function SentimentMarker({ score }: { score: number | null }) {
  const { t, fmt } = useI18n()
  const label = sentimentLabel(score)
  if (!label || score === null) return null
  const text = t('sentiment.marker', { label: t(`sentiment.${label}`), score: fmt.signed(score, 2) })
  return (
    <span className={`sentiment sentiment-${label}`} title={text} aria-label={text} role="img">
      {GLYPH[label]}
    </span>
  )
}
