/** Satisfaction answers exported as words (SurveyMonkey's default), on the 1–5 scale; English, Vietnamese, Thai. */
const SATISFACTION_WORDS: Record<string, number> = {
  'very satisfied': 5,
  'extremely satisfied': 5,
  satisfied: 4,
  'somewhat satisfied': 4,
  'neither satisfied nor dissatisfied': 3,
  neutral: 3,
  dissatisfied: 2,
  'somewhat dissatisfied': 2,
  'very dissatisfied': 1,
  'extremely dissatisfied': 1,
  'rất hài lòng': 5,
  'hài lòng': 4,
  'bình thường': 3,
  'không hài lòng': 2,
  'rất không hài lòng': 1,
  พอใจมาก: 5,
  พอใจ: 4,
  เฉยๆ: 3,
  ไม่พอใจ: 2,
  ไม่พอใจมาก: 1,
}

/**
 * A score as survey tools export it: "9", "9.0", "10 - Extremely likely", "★★★★", or a satisfaction
 * word ("Very satisfied" = 5). Null when the text is not a score.
 */
export function scoreFromText(text: string): number | null {
  const t = text.trim()
  if (!t) return null
  if (/^[★⭐]+$/u.test(t)) return [...t].length
  const word = SATISFACTION_WORDS[t.toLowerCase().normalize('NFC')]
  if (word !== undefined) return word
  const m = /^(-?\d+(?:[.,]0+)?)(?:\s*(?:[-–:(]|$).*)?$/.exec(t)
  if (!m) return null
  return Number(m[1].replace(',', '.'))
}
