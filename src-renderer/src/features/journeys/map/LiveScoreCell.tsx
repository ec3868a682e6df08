import type { Figure } from '../../../../../src-shared/api/metrics'
import type { Card } from '../../../../../src-shared/domain/journeys/model'
import type { MetricKind } from '../../../../../src-shared/domain/scores'
import { useI18n } from '../../../i18n/I18nProvider'
import { useChannelLabel } from '../../../i18n/channelLabels'
import { figureForCard, heatOf, trendOf } from '../scores/liveScores'
import type { LiveScores } from '../scores/useLiveScores'
import { plainText } from './FormattedText'

/** The score of one linked touchpoint with its n and trend; a button that opens the inbox on the responses behind it. */
export function ScoreChip({ card, metric, scores, onOpen }: { card: Card; metric: MetricKind; scores: LiveScores; onOpen: ((card: Card) => void) | null }) {
  const { t, fmt } = useI18n()
  const channelName = useChannelLabel()
  const f: Figure | undefined = figureForCard(scores.current, card)
  const trend = trendOf(f, figureForCard(scores.previous, card))
  const name = plainText(card.text) || card.link?.touchpoint || (card.link?.channel ? channelName(card.link.channel) : '')
  const value = f && f.value !== null ? (metric === 'nps' ? fmt.signed(f.value) : metric === 'csat' ? `${fmt.number(f.value, 0)}%` : fmt.number(f.value, 1)) : t('common.notAvailable')
  const trendText = trend
    ? trend.significant
      ? t(trend.delta > 0 ? 'journey.scores.up' : 'journey.scores.down', { delta: fmt.signed(trend.delta, 1) })
      : t('journey.scores.noChange')
    : null
  return (
    <button type="button" className={`jm-score jm-heat-${heatOf(metric, f)}`} onClick={() => onOpen?.(card)} disabled={!onOpen} data-testid="live-score">
      <span className="jm-score-name">{name}</span>
      <span className="jm-score-value">
        {t(`metric.${metric}`)} {value}
      </span>
      <span className="jm-score-n">{f?.lowSample && f.n > 0 ? t('journey.scores.thin', { n: fmt.integer(f.n) }) : t('journey.scores.n', { n: fmt.integer(f?.n ?? 0) })}</span>
      {trendText && <span className={`jm-score-trend${trend?.significant ? (trend.delta > 0 ? ' up' : ' down') : ''}`}>{trendText}</span>}
      {onOpen && <span className="sr-only">{t('journey.scores.openInbox')}</span>}
    </button>
  )
}

export function LiveScoreCell({ cards, metric, scores, onOpen }: { cards: readonly Card[]; metric: MetricKind; scores: LiveScores | null; onOpen: ((card: Card) => void) | null }) {
  const { t } = useI18n()
  if (!scores) return null
  if (cards.length === 0) return <span className="jm-score-none muted">{t('journey.scores.noneLinked')}</span>
  return (
    <>
      {cards.map((c) => (
        <ScoreChip key={c.id} card={c} metric={metric} scores={scores} onOpen={onOpen} />
      ))}
    </>
  )
}
