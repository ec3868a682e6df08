import { foldDiacritics } from './fold'
import { words } from './tokens'

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

export interface ThemeCandidate {
  phrase: string
  count: number
  language: string | null
  example: string
}

/**
 * Recurring words and two-word phrases across comments, counted once per comment: candidates for
 * a theme (a tag with keyword rules). Phrases already covered by a rule are left out; a word is
 * dropped when a phrase containing it is nearly as frequent, so "giao trễ" wins over "trễ".
 */
export function suggestThemes(comments: Array<{ comment: string; language: string | null }>, covered: Set<string>, limit: number): ThemeCandidate[] {
  const counts = new Map<string, { count: number; language: string | null; example: string; display: string }>()
  for (const c of comments) {
    const ws = words(c.comment)
    const seen = new Set<string>()
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]
      const grams = [[w], ws[i + 1] ? [w, ws[i + 1]] : null]
      for (const g of grams) {
        if (!g) continue
        const folded = g.map(foldDiacritics)
        if (folded.some((x) => STOPWORDS.has(x) || STOPWORDS.has(g[0]) || /^\d+$/.test(x) || [...x].length < 2)) continue
        const key = folded.join(' ')
        if (seen.has(key) || covered.has(key)) continue
        seen.add(key)
        const e = counts.get(key)
        if (e) e.count++
        else counts.set(key, { count: 1, language: c.language, example: c.comment, display: g.join(c.language === 'th' ? '' : ' ') })
      }
    }
  }
  const min = Math.max(2, Math.ceil(comments.length * 0.005))
  const phrases = [...counts.entries()].filter(([, v]) => v.count >= min)
  const bigrams = phrases.filter(([k]) => k.includes(' '))
  const kept = phrases.filter(([k, v]) => k.includes(' ') || !bigrams.some(([b, bv]) => b.split(' ').includes(k) && bv.count >= v.count * 0.7))
  // Phrases that occur in exactly the same comments are one theme seen through several windows
  // ("yên tĩnh", "tĩnh wifi", "wifi mạnh" of one recurring sentence): keep the best of each group.
  const seenGroups = new Set<string>()
  return kept
    .sort((a, b) => b[1].count * (b[0].includes(' ') ? 1.3 : 1) - a[1].count * (a[0].includes(' ') ? 1.3 : 1))
    .filter(([, v]) => {
      const group = `${v.count}\u0000${v.example}`
      if (seenGroups.has(group)) return false
      seenGroups.add(group)
      return true
    })
    .slice(0, limit)
    .map(([, v]) => ({ phrase: v.display, count: v.count, language: v.language, example: v.example.slice(0, 200) }))
}
