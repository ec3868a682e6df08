import { words } from './tokens'

const THAI = /[\u0e00-\u0e7f]/
/** Letters only Vietnamese uses among the Latin-script languages our users write. */
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i
/** Frequent Vietnamese syllables as people type them without diacritics; none is a common English word. */
const UNACCENTED_VIETNAMESE = new Set(['khong', 'duoc', 'nhan', 'vien', 'qua', 'rat', 'cua', 'nhung', 'minh', 'nhieu', 'ngon', 'cham', 'giao', 'hang', 'quan', 'mon', 'lam', 'thi', 'voi', 'nay', 'cung', 'roi', 'chua', 'dat', 'tot', 'hai', 'long'])

/** Which of the app's three languages a comment is written in, from its script and words; null when unsure. */
export function detectLanguage(text: string): 'vi' | 'th' | 'en' | null {
  if (THAI.test(text)) return 'th'
  if (VIETNAMESE_LETTERS.test(text)) return 'vi'
  const ws = words(text)
  if (!ws.length) return null
  const vi = ws.filter((w) => UNACCENTED_VIETNAMESE.has(w)).length
  if (vi >= 2 || (vi === 1 && ws.length <= 3)) return 'vi'
  return /[a-z]/i.test(text) ? 'en' : null
}
