import type { CardColor } from '../../../../../src-shared/domain/journeys/model'
import type { Heat } from '../scores/liveScores'

/**
 * Card and stage colours, used by the editor (as style values) and by the PNG export (on the
 * canvas), so both look the same. Every background keeps dark text above 4.5:1 contrast.
 */
export const cardPalette: Record<CardColor, { bg: string; border: string }> = {
  default: { bg: '#ffffff', border: '#cbd2d9' },
  yellow: { bg: '#fff6cc', border: '#e3c84d' },
  orange: { bg: '#ffe8d1', border: '#e8a05c' },
  red: { bg: '#fde2e2', border: '#e07a7a' },
  pink: { bg: '#fce4f1', border: '#dd86b5' },
  purple: { bg: '#ece6fb', border: '#9f8bdc' },
  blue: { bg: '#e1efff', border: '#79a8e0' },
  teal: { bg: '#dcf4f1', border: '#5fb8ad' },
  green: { bg: '#e2f5e6', border: '#6dbb82' },
  gray: { bg: '#eef0f3', border: '#a9b1bc' },
}

/** Stage headers: a strong band with white text (contrast above 4.5:1). */
export const stagePalette: Record<CardColor, string> = {
  default: '#4a5568',
  yellow: '#8a6d00',
  orange: '#b25400',
  red: '#b42323',
  pink: '#a8326e',
  purple: '#5b3fb0',
  blue: '#1f5fa8',
  teal: '#136f66',
  green: '#23703a',
  gray: '#4f5b69',
}

export const heatPalette: Record<Heat, { bg: string; text: string; border: string }> = {
  good: { bg: '#e3f4e8', text: '#1e6b3a', border: '#2f855a' },
  neutral: { bg: '#fdf3d8', text: '#6e5400', border: '#c49a1a' },
  poor: { bg: '#fde5e5', text: '#a32020', border: '#c53030' },
  thin: { bg: '#f1f3f6', text: '#4a5361', border: '#a0aab6' },
  none: { bg: '#ffffff', text: '#4a5361', border: '#cbd2d9' },
}
