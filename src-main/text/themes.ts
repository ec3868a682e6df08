import { foldDiacritics } from './fold'
import { words } from './tokens'
import { groupSyllables } from './vietnameseWords'

/** Words too common to name a theme. Vietnamese is compared folded, so entries are folded too. */
const STOPWORDS = new Set(
  [
    // English
    'the a an and or to was is are were be been it its i my me we our you your they them he she for of in on at by but not no so very too with this that these those have has had just again still all as if then than there here from up out about what when which who would could should will can do did does really also only even more much one get got im',
    // Vietnamese (folded)
    'va la cua co cho khong rat qua thi ma duoc mot nhung cac nay da di lai van moi voi khi phai toi minh ban em anh chi nen de se dang con cung nua thay hon lam roi nhu o tai ve tu ra vao len xuong bi luc nao ai gi dau cai nhieu it chua hay vi neu the',
    // Thai
    'และ ที่ ของ ไม่ มาก ได้ ก็ ว่า แต่ มี เป็น ให้ จะ ไป มา แล้ว อีก ยัง ค่ะ ครับ นะ คะ กับ ใน จาก ด้วย ต้อง การ ความ คน นี้ นั้น เลย กว่า ทำ เรา ฉัน ผม ก่อน หลัง ตอน',
  ]
    .join(' ')
    .split(/\s+/),
)

/** Punctuation that ends a clause: a phrase never spans it ("yên tĩnh, wifi" is not a phrase). */
const CLAUSE_BREAK = /[.,;:!?…\n\r()[\]{}"“”«»/|]+|\s[-–—]+\s/

export interface ThemeCandidate {
  phrase: string
  count: number
  language: string | null
  example: string
}

/** A word as its tokens (Vietnamese "quản lý" is one word of two syllables; a Thai word the segmenter broke, of its pieces). */
type Word = string[]
const keyOf = (parts: string[]) => parts.map(foldDiacritics).join(' ')
const isStop = (w: Word) => w.length === 1 && (STOPWORDS.has(foldDiacritics(w[0])) || STOPWORDS.has(w[0]))
const isNoise = (w: Word) => w.length === 1 && (/^\d+$/.test(w[0]) || [...w[0]].length < 2)
/** Joining stops at two syllables in Vietnamese (longer words come from the word list) and at twelve letters in Thai. */
const joinsInto = (language: string | null, a: Word, b: Word) =>
  language === 'vi' ? a.length === 1 && b.length === 1 : language === 'th' ? [...a.join(''), ...b.join('')].length <= 12 : false
const SEP = '\u0001'

/**
 * The clauses of a comment, each as its tokens (syllables in Vietnamese, segmented words in Thai).
 * Thai writes a space where other languages put a comma, so a space ends a Thai clause too.
 */
function clauses(comment: string, language: string | null): string[][] {
  return comment
    .split(language === 'th' ? new RegExp(`${CLAUSE_BREAK.source}|\\s+`) : CLAUSE_BREAK)
    .map((c) => words(c))
    .filter((ws) => ws.length > 0)
}

/** Joins, best pair first, the neighbours that recur together (scores by pair of word keys). */
function merge(ws: Word[], pairs: Map<string, number>): Word[] {
  if (!pairs.size) return ws
  const out = [...ws]
  for (;;) {
    let best = -1
    let bestScore = 0
    for (let i = 0; i + 1 < out.length; i++) {
      const score = pairs.get(out[i].join(' ') + SEP + out[i + 1].join(' ')) ?? 0
      // Ties go to the shorter join: a broken word's pieces are short ("น่า"+"รัก" before "พนักงาน"+"น่า").
      if (score > bestScore || (score === bestScore && score > 0 && out[i].join('').length + out[i + 1].join('').length < out[best].join('').length + out[best + 1].join('').length)) {
        best = i
        bestScore = score
      }
    }
    if (best < 0) return out
    out.splice(best, 2, [...out[best], ...out[best + 1]])
  }
}

/**
 * Recurring words and two-word phrases across comments, counted once per comment: candidates for
 * a theme (a tag with keyword rules). Words are whole words, never pieces of one: Vietnamese
 * syllables are grouped into words with a Vietnamese word list ("quản lý", "không gian"), Thai text
 * is segmented into words, and two Vietnamese syllables, or Thai pieces, that nearly always occur
 * side by side in these comments are joined into one word ("giao hàng"; Thai "บา"+"ริ"+"สต้า" →
 * "บาริสต้า", which the segmenter's dictionary lacks). Phrases never span punctuation. Phrases already covered by a rule
 * are left out; a word is dropped when a phrase containing it is nearly as frequent, so "giao hàng
 * trễ" wins over "trễ".
 */
export function suggestThemes(comments: Array<{ comment: string; language: string | null }>, covered: Set<string>, limit: number): ThemeCandidate[] {
  const min = Math.max(2, Math.ceil(comments.length * 0.005))
  const parsed = comments.map((c) => ({ ...c, clauses: clauses(c.comment, c.language) }))
  const pairs = new Map<string, number>()
  const segment = (tokens: string[], language: string | null): Word[] => merge(language === 'vi' ? groupSyllables(tokens) : tokens.map((t) => [t]), pairs)

  // Which neighbours recur together, found in rounds so that pieces join into longer words.
  for (let round = 0; round < 6; round++) {
    const single = new Map<string, number>()
    const together = new Map<string, number>()
    for (const c of parsed) {
      const seen = new Set<string>()
      const count = (map: Map<string, number>, key: string) => {
        if (!seen.has(key)) map.set(key, (map.get(key) ?? 0) + 1)
        seen.add(key)
      }
      const joinable = (w: Word) => !isNoise(w) && (c.language === 'th' || !isStop(w))
      for (const clause of c.clauses) {
        const ws = segment(clause, c.language)
        ws.forEach((w, i) => {
          if (!joinable(w)) return
          count(single, w.join(' '))
          const next = ws[i + 1]
          if (next && joinable(next) && joinsInto(c.language, w, next)) count(together, w.join(' ') + SEP + next.join(' '))
        })
      }
    }
    // Dice's coefficient orders the pairs. One join per word
    // a round, shortest first, so that a broken word's pieces join before a piece joins the next word
    // ("บา"+"ริ", then "บาริ"+"สต้า"; never "สต้า"+"แนะนำ").
    const candidates = [...together]
      .filter(([pair, n]) => !pairs.has(pair) && n >= min)
      .map(([pair, n]) => {
        const [a, b] = pair.split(SEP)
        return { pair, a, b, dice: (2 * n) / ((single.get(a) ?? 0) + (single.get(b) ?? 0)), both: n / Math.max(single.get(a) ?? 0, single.get(b) ?? 0), length: (a + b).length }
      })
      // Both words occur with the other at least four times in five: pieces of one word, not a word and its usual neighbour.
      .filter((p) => p.both >= 0.8)
      .sort((x, y) => y.dice - x.dice || x.length - y.length)
    const touched = new Set<string>()
    let added = 0
    for (const p of candidates) {
      if (!touched.has(p.a) && !touched.has(p.b)) {
        pairs.set(p.pair, p.dice)
        added++
      }
      touched.add(p.a).add(p.b)
    }
    if (!added) break
  }

  // Pass 2: count words and two-word phrases, once per comment.
  const counts = new Map<string, { count: number; language: string | null; example: string; display: string; parts: string[] }>()
  for (const c of parsed) {
    const seen = new Set<string>()
    const joiner = c.language === 'th' ? '' : ' '
    for (const clause of c.clauses) {
      const ws = segment(clause, c.language)
      for (let i = 0; i < ws.length; i++) {
        const grams = [[ws[i]], ws[i + 1] ? [ws[i], ws[i + 1]] : null]
        for (const g of grams) {
          if (!g || g.some((w) => isStop(w) || isNoise(w))) continue
          const parts = g.map((w) => keyOf(w))
          const key = parts.join(' ')
          if (seen.has(key) || covered.has(key)) continue
          seen.add(key)
          const e = counts.get(key)
          if (e) e.count++
          else counts.set(key, { count: 1, language: c.language, example: c.comment, display: g.map((w) => w.join(joiner)).join(' '), parts })
        }
      }
    }
  }
  const phrases = [...counts.entries()].filter(([, v]) => v.count >= min)
  const bigrams = phrases.filter(([, v]) => v.parts.length > 1)
  const kept = phrases.filter(([k, v]) => v.parts.length > 1 || !bigrams.some(([, bv]) => bv.parts.includes(k) && bv.count >= v.count * 0.7))
  // Phrases that occur in exactly the same comments are one theme seen through several windows
  // ("không gian yên tĩnh", "wifi mạnh" of one recurring sentence): keep the best of each group.
  const seenGroups = new Set<string>()
  const weight = (v: { count: number; parts: string[] }) => v.count * (v.parts.length > 1 ? 1.3 : 1)
  return kept
    .sort((a, b) => weight(b[1]) - weight(a[1]))
    .filter(([, v]) => {
      const group = `${v.count}\u0000${v.example}`
      if (seenGroups.has(group)) return false
      seenGroups.add(group)
      return true
    })
    .slice(0, limit)
    .map(([, v]) => ({ phrase: v.display, count: v.count, language: v.language, example: v.example.slice(0, 200) }))
}
