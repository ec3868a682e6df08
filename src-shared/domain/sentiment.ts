/** Sentiment of a comment is stored as a score from −1 (negative) to +1 (positive); these cut it into labels. */
export const sentimentLabels = ['positive', 'neutral', 'negative'] as const
export type SentimentLabel = (typeof sentimentLabels)[number]

/** At or above: positive; at or below the negative of it: negative. */
export const SENTIMENT_CUTOFF = 0.2

export function sentimentLabel(score: number | null): SentimentLabel | null {
  if (score === null) return null
  return score >= SENTIMENT_CUTOFF ? 'positive' : score <= -SENTIMENT_CUTOFF ? 'negative' : 'neutral'
}
