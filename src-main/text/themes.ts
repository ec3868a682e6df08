import { foldDiacritics } from './fold'
import { words } from './tokens'
import { LONGEST_THAI_JOIN, thaiDictionary } from './thaiWords'
import { groupSyllables, VIETNAMESE_FUNCTION_COMPOUNDS } from './vietnameseWords'

/**
 * Words that never begin or end a theme: function words, and in English the words of narration
 * ("the barista gave …", "I got …", "prices went …"), intensifiers and numbers.
 */
const ENGLISH_EDGE = new Set(
  `the a an and or but nor to of in on at by for with from as than then so too very really quite just also only even still again
  yet already ever never always i me my mine we us our you your they them their he him his she her it its this that these those
  there here is are was were be been being am have has had having do does did done will would could should can may might must
  shall not no yes all any some every each both either neither got get gets getting gave give gives went go goes going gone came
  come comes said says say told tell asked ask took take made make makes kept keep put let felt feel seemed seem tried try thought
  think know knew want wanted like liked love loved one two three four five six seven eight nine ten first second last best worst
  more most much many lot lots bit little about around up out over off back down into onto away when which who whom whose what
  where why how if because while after before until though although thank thanks please ok okay yeah oh im ive id dont didnt
  cant couldnt wont wouldnt isnt wasnt arent werent doesnt havent hasnt hadnt ill youre theyre thats theres its s t
  sorted picked nobody somebody someone anyone everyone everything something nothing`.split(/\s+/),
)
/** Vietnamese function syllables (with their diacritics: "mã" is a code, "mà" a conjunction). "không" counts alone only ("không gian" is a space). */
const VIETNAMESE_EDGE = new Set(
  `của và là thì không được rất cho với những các mà nhưng vẫn đã đang sẽ bị cũng lại rồi quá hơi lắm nhé nhỉ ạ à ơi ở tại trên
  dưới trong ngoài về từ ra vào đến tới khi lúc mới nữa hết cả chỉ có này đó kia ấy nào gì ai đâu sao vì nên để nếu thế tôi mình
  bạn chị anh em họ ta chúng một hai ba bốn mấy nhiều ít hơn nhất chưa đều luôn cùng bằng như theo qua sau trước gần lần cái chiếc
  đi hay thấy làm phải còn nhé nha hả vậy`.split(/\s+/),
)
/** The same, as people type them without diacritics (used only for syllables written without any). */
const VIETNAMESE_EDGE_FOLDED = new Set(
  'va la cua co cho khong rat qua thi ma duoc mot nhung cac nay da di lai van moi voi khi phai toi minh ban em anh chi nen de se dang con cung nua thay hon lam roi nhu o tai ve tu ra vao len xuong bi luc nao ai gi dau cai nhieu it chua hay vi neu the tren'.split(' '),
)
const THAI_EDGE = new Set(
  `และ ที่ ของ ไม่ มาก ได้ ก็ ว่า แต่ มี เป็น ให้ จะ ไป มา แล้ว อีก ยัง ค่ะ ครับ นะ คะ กับ ใน จาก ด้วย ต้อง การ ความ คน นี้ นั้น
  เลย กว่า ทำ เรา ฉัน ผม ก่อน หลัง ตอน ที่สุด เกิน เกินไป ไม่มี แค่ ถึง ถูก หนึ่ง สอง สาม ครั้ง อยู่ ขอบคุณ จริงๆ ค่อนข้าง
  เมื่อ ซึ่ง หรือ อยาก ควร ช่วย หน่อย นิดหน่อย บ้าง เอง วันนี้ ตอนนี้ ครั้งนี้ ที่นี่ เมื่อวาน พรุ่งนี้ แบบนี้ อย่างนี้ เมื่อกี้`.split(/\s+/),
)
/** Thai prefixes that make a word of the one after them; ICU often cuts them off ("ผู้|จัดการ", "น่า|รัก"). */
const THAI_PREFIXES = new Set(['ผู้', 'ความ', 'การ', 'นัก', 'ช่าง', 'น่า'])
/**
 * The function words of THAI_EDGE that may begin a dictionary word: the prefixes, and "ที่" of places
 * and things ("ที่|นั่ง" a seat, "ที่|จอด|รถ" a car park). No other function word takes part in a
 * dictionary join: the list also holds phrases like "ดีมาก", "ไม่ดี" or "เกินไป", which are no theme.
 */
const THAI_JOIN_STARTERS = new Set([...THAI_PREFIXES, 'ที่'])
/** Thai words of two letters that stand alone (they never end a word the segmenter broke), besides THAI_EDGE's. */
const THAI_SHORT_WORDS = new Set(['ดี', 'คน', 'รอ', 'ดู', 'หา', 'ขอ'])
const THAI = /[\u0e00-\u0e7f]/
const ASCII = /^[ -~]+$/

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
const letters = (s: string) => [...s].length

/** Whether a word may not begin or end a theme in the comment's language (all three lists when it is unknown). */
function isEdge(w: Word, language: string | null): boolean {
  const vi = (x: string) => VIETNAMESE_EDGE.has(x) || (ASCII.test(x) && VIETNAMESE_EDGE_FOLDED.has(x))
  if (w.length > 1) {
    // A word of several syllables or pieces: a function word when listed, or made of function syllables only ("có một").
    if (language === 'th') return THAI_EDGE.has(w.join(''))
    return language === 'vi' || language === null ? VIETNAMESE_FUNCTION_COMPOUNDS.has(w.join(' ')) || w.every(vi) : false
  }
  const x = w[0]
  if (language === 'en') return ENGLISH_EDGE.has(x)
  if (language === 'vi') return vi(x)
  if (language === 'th') return THAI_EDGE.has(x)
  return ENGLISH_EDGE.has(x) || vi(x) || THAI_EDGE.has(x)
}
/** A Thai word of one piece of one or two letters: a word ("ชา") or a piece of a broken one ("ริ"); ICU cannot tell. */
const isShortThaiWord = (w: Word | undefined) => w !== undefined && w.length === 1 && THAI.test(w[0]) && letters(w[0]) <= 2
/** Numbers and single letters; in Thai also ICU's pieces of one or two letters ("ชา", "บา", "ริ"), never a theme alone. */
const isNoise = (w: Word) => isShortThaiWord(w) || (w.length === 1 && (/^\d+$/.test(w[0]) || letters(w[0]) < 2))
/** Pieces that may be joined in the rounds below: anything but numbers and single letters. */
const isJoinable = (w: Word) => !(w.length === 1 && (/^\d+$/.test(w[0]) || letters(w[0]) < 2))

/** Pieces the segmenter cut that together make a word of the Thai word list ("เร่ง|ด่วน" → "เร่งด่วน"). */
const isThaiDictionaryWord = (w: Word) => w.length > 1 && thaiDictionary().has(w.join(''))

/**
 * Whether two neighbours may be joined into one word. Vietnamese: two single syllables (longer
 * words come from the word list). Thai: up to twelve letters, and only across a piece of one or two
 * letters — the segmenter leaves such pieces when it breaks a word it does not know ("บา|ริ|สต้า",
 * "ไร|เด|อร์"); two words it recognised ("ขนมปัง|ปิ้ง", "อร่อย|ที่สุด") are two words, however often
 * they come together, so a recurring sentence never becomes one run-on word (words of the Thai word
 * list are joined before, in thaiWords).
 */
function joinsInto(language: string | null, a: Word, b: Word): boolean {
  if (language === 'vi') return a.length === 1 && b.length === 1
  if (language !== 'th') return false
  if (letters(a.join('')) + letters(b.join('')) > 12) return false
  const isPrefixed = (w: Word) => w.length > 1 && THAI_PREFIXES.has(w[0])
  if (isPrefixed(b)) return false
  // A word the dictionary joined is whole: its last piece of two letters ("ที่|จอด|รถ") ends it, and nothing more joins it.
  if (isThaiDictionaryWord(a) || isThaiDictionaryWord(b)) return false
  return letters(a[a.length - 1]) <= 2 || letters(b[0]) <= 2
}
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

/**
 * Thai tokens as words, with as few words as possible (on a tie the later word is the longer, as for
 * Vietnamese syllables). A word is one of ICU's tokens, or several whose concatenation is a word of
 * the Thai word list (ICU lacks many words and cuts them into pieces that are words of their own:
 * "เร่ง|ด่วน", "เครื่อง|ปรับ|อากาศ", "บา|ริ|สต้า"), beginning and ending with no function word but
 * the prefixes and "ที่"; or a prefix and the word it begins ("ผู้|จัดการ", "ความ|สะอาด"); or two
 * pieces that make a word the segmenter found whole in another comment (ICU cuts "พนัก|งาน" before
 * "คอลเซ็นเตอร์" and keeps "พนักงาน" elsewhere).
 */
function thaiWords(icuTokens: string[], seenWhole: Set<string>, recut: (tokens: string[]) => string[]): Word[] {
  const dictionary = thaiDictionary()
  const tokens = recut(icuTokens)
  const n = tokens.length
  const thai = tokens.map((t) => THAI.test(t))
  const isWord = (i: number, k: number): boolean => {
    for (let j = i; j < i + k; j++) if (!thai[j]) return false
    const [first, last] = [tokens[i], tokens[i + k - 1]]
    if (k === 2 && ((THAI_PREFIXES.has(first) && !THAI_PREFIXES.has(last)) || seenWhole.has(first + last))) return true
    const joined = tokens.slice(i, i + k).join('')
    // "วัน|นี้" (today), "ตอน|นี้" (now): one function word, not the theme "วัน".
    if (THAI_EDGE.has(joined)) return true
    if (THAI_EDGE.has(last) || (THAI_EDGE.has(first) && !THAI_JOIN_STARTERS.has(first))) return false
    return dictionary.has(joined)
  }
  // fewest[i]: the fewest words tokens i… make; step[i]: the first word's number of tokens.
  const fewest = new Array<number>(n + 1).fill(0)
  const step = new Array<number>(n + 1).fill(1)
  for (let i = n - 1; i >= 0; i--) {
    fewest[i] = 1 + fewest[i + 1]
    step[i] = 1
    for (let k = 2; k <= Math.min(LONGEST_THAI_JOIN, n - i); k++) {
      if (1 + fewest[i + k] < fewest[i] && isWord(i, k)) {
        fewest[i] = 1 + fewest[i + k]
        step[i] = k
      }
    }
  }
  const out: Word[] = []
  for (let i = 0; i < n; i += step[i]) out.push(tokens.slice(i, i + step[i]))
  return out
}
/** The longest word of the Thai word list worth trying when cutting text again (letters). */
const LONGEST_THAI_WORD = 20
/** Pieces on either side of a piece ICU cut wrongly that may be cut again with it. */
const RECUT_REACH = 2

/**
 * ICU sometimes cuts across two words it knows, leaving a piece that is no word at all: "ชานมดี"
 * (milk tea, good) as "ชาน|มดี", "ชานมอร่อย" as "ชาน|มอ|ร่อย" — "อร่อย" (delicious) lost. Where a
 * Thai piece is in neither the word list nor the function words, the smallest run of pieces around it
 * (up to two on each side) whose letters the word list covers exactly, in as few words as possible,
 * is cut again into those words. Pieces no such run covers are left as ICU cut them: they may be a
 * word the list lacks ("บา|ริ|สต้า"), which the rounds of suggestThemes join when clauses agree.
 */
function recutThai(tokens: string[], dictionary: Set<string>): string[] {
  const isKnown = (t: string) => !THAI.test(t) || dictionary.has(t) || THAI_EDGE.has(t)
  if (tokens.every(isKnown)) return tokens
  const out = [...tokens]
  for (let i = 0; i < out.length; i++) {
    if (isKnown(out[i])) continue
    let done = false
    for (let width = 2; width <= 1 + 2 * RECUT_REACH && !done; width++) {
      for (let from = Math.max(0, i - width + 1); from <= i && from + width <= out.length && !done; from++) {
        const run = out.slice(from, from + width)
        if (!run.every((t) => THAI.test(t))) continue
        const cut = coverWithWords(run.join(''), dictionary)
        if (cut) {
          out.splice(from, width, ...cut)
          i = from + cut.length - 1
          done = true
        }
      }
    }
  }
  return out
}

/** The text as the fewest words of the list (each of two letters or more), or null when they cannot cover it exactly. */
function coverWithWords(text: string, dictionary: Set<string>): string[] | null {
  // Thai letters are one UTF-16 unit each: slices of the text itself, unless it holds wider characters.
  const chars = [...text]
  const piece = chars.length === text.length ? (i: number, j: number) => text.slice(i, j) : (i: number, j: number) => chars.slice(i, j).join('')
  const n = chars.length
  const fewest = new Array<number>(n + 1).fill(Infinity)
  const next = new Array<number>(n + 1).fill(-1)
  fewest[n] = 0
  for (let i = n - 2; i >= 0; i--) {
    for (let j = Math.min(n, i + LONGEST_THAI_WORD); j >= i + 2; j--) {
      if (fewest[j] + 1 < fewest[i] && dictionary.has(piece(i, j))) {
        fewest[i] = fewest[j] + 1
        next[i] = j
      }
    }
  }
  if (!Number.isFinite(fewest[0])) return null
  const words: string[] = []
  for (let i = 0; i < n; i = next[i]) words.push(piece(i, next[i]))
  return words
}

/** A piece of one or two Thai letters that may be the end or start of a broken word ("ริ" of "บา|ริ|สต้า"): a Thai theme never sits next to one. */
const isLoosePiece = (w: Word | undefined) => isShortThaiWord(w) && !THAI_EDGE.has(w![0]) && !THAI_SHORT_WORDS.has(w![0])

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

/** x·ln(x/e), 0 when x is 0. */
const term = (observed: number, expected: number) => (observed > 0 ? observed * Math.log(observed / expected) : 0)
/**
 * Dunning's log-likelihood ratio G² of a pair of neighbours against independence, from the 2×2 table
 * of adjacent pairs: k11 pairs "a b", `first` pairs starting with a, `second` pairs ending with b, of n.
 * 3.84 is the 5 % point of χ² with one degree of freedom.
 */
export function logLikelihood(k11: number, first: number, second: number, n: number): number {
  const k12 = first - k11
  const k21 = second - k11
  const k22 = n - first - second + k11
  const cells: Array<[number, number]> = [
    [k11, (first * second) / n],
    [k12, (first * (n - second)) / n],
    [k21, ((n - first) * second) / n],
    [k22, ((n - first) * (n - second)) / n],
  ]
  return 2 * cells.reduce((sum, [o, e]) => sum + term(o, e), 0)
}
export const G2_THRESHOLD = 3.84

/**
 * Recurring words and two-word phrases across comments, counted once per comment: candidates for
 * a theme (a tag with keyword rules). Words are whole words, never pieces of one: Vietnamese
 * syllables are grouped into words with a Vietnamese word list ("quản lý", "không gian"), Thai text
 * is segmented into words with its prefixes kept on ("ผู้จัดการ") and the pieces ICU cut out of a
 * word of the Thai word list joined again ("ช่วง เร่งด่วน", never "ช่วง เร่ง" | "ด่วน"), and two Vietnamese syllables, or
 * Thai pieces of one or two letters, that nearly always occur side by side in different clauses
 * are joined into one word ("giao hàng"; Thai "บา"+"ริ"+"สต้า" → "บาริสต้า", which the
 * segmenter's dictionary lacks). That evidence counts each distinct clause once, so a sentence
 * repeated a hundred times weighs as one. Phrases never span punctuation, never begin or end with
 * a function or narration word, and in English are kept only where their two words come together
 * more than chance (G² ≥ 3.84). Phrases already covered by a rule are left out; a word is dropped
 * when a phrase containing it is nearly as frequent, so "giao hàng trễ" wins over "trễ".
 */
export function suggestThemes(comments: Array<{ comment: string; language: string | null }>, covered: Set<string>, limit: number): ThemeCandidate[] {
  const min = Math.max(2, Math.ceil(comments.length * 0.005))
  const parsed = comments.map((c) => ({ ...c, clauses: clauses(c.comment, c.language) }))
  // Each distinct clause once, for the evidence of what goes together.
  const distinct = new Map<string, { tokens: string[]; language: string | null }>()
  for (const c of parsed) for (const tokens of c.clauses) distinct.set(`${c.language}\u0000${tokens.join(' ')}`, { tokens, language: c.language })
  const minDistinct = Math.max(2, Math.ceil(distinct.size * 0.005))
  const thaiWhole = new Set<string>()
  for (const { tokens, language } of distinct.values()) if (language === 'th') for (const t of tokens) if (THAI.test(t)) thaiWhole.add(t)
  const pairs = new Map<string, number>()
  // Each clause is segmented once per round and again for counting: ICU's pieces are cut again once.
  const recuts = new Map<string, string[]>()
  const recut = (tokens: string[]) => {
    const key = tokens.join(SEP)
    let cut = recuts.get(key)
    if (!cut) recuts.set(key, (cut = recutThai(tokens, thaiDictionary())))
    return cut
  }
  const segment = (tokens: string[], language: string | null): Word[] =>
    merge(language === 'vi' ? groupSyllables(tokens) : language === 'th' ? thaiWords(tokens, thaiWhole, recut) : tokens.map((t) => [t]), pairs)

  // Which neighbours recur together, found in rounds so that pieces join into longer words.
  for (let round = 0; round < 6; round++) {
    const single = new Map<string, number>()
    const together = new Map<string, number>()
    for (const { tokens, language } of distinct.values()) {
      const seen = new Set<string>()
      const count = (map: Map<string, number>, key: string) => {
        if (!seen.has(key)) map.set(key, (map.get(key) ?? 0) + 1)
        seen.add(key)
      }
      const joinable = (w: Word) => isJoinable(w) && (language === 'th' || !isEdge(w, language))
      const ws = segment(tokens, language)
      ws.forEach((w, i) => {
        if (!joinable(w)) return
        count(single, w.join(' '))
        const next = ws[i + 1]
        if (next && joinable(next) && joinsInto(language, w, next)) count(together, w.join(' ') + SEP + next.join(' '))
      })
    }
    // Dice's coefficient orders the pairs. One join per word
    // a round, shortest first, so that a broken word's pieces join before a piece joins the next word
    // ("บา"+"ริ", then "บาริ"+"สต้า"; never "สต้า"+"แนะนำ").
    const candidates = [...together]
      .filter(([pair, n]) => !pairs.has(pair) && n >= minDistinct)
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

  // English: how often each word starts and ends an adjacent pair, over the distinct clauses.
  const pairCount = new Map<string, number>()
  const firstCount = new Map<string, number>()
  const secondCount = new Map<string, number>()
  let pairTotal = 0
  for (const { tokens, language } of distinct.values()) {
    if (language !== 'en') continue
    for (let i = 0; i + 1 < tokens.length; i++) {
      const [a, b] = [tokens[i], tokens[i + 1]]
      pairCount.set(a + SEP + b, (pairCount.get(a + SEP + b) ?? 0) + 1)
      firstCount.set(a, (firstCount.get(a) ?? 0) + 1)
      secondCount.set(b, (secondCount.get(b) ?? 0) + 1)
      pairTotal++
    }
  }
  const recurTogether = (a: string, b: string) =>
    logLikelihood(pairCount.get(a + SEP + b) ?? 0, firstCount.get(a) ?? 0, secondCount.get(b) ?? 0, pairTotal) >= G2_THRESHOLD

  // Thai: in how many distinct clauses each pair of neighbouring words comes, for the compounds of
  // short words below ("ชา|นม" milk tea).
  const thaiPairClauses = new Map<string, number>()
  for (const { tokens, language } of distinct.values()) {
    if (language !== 'th') continue
    const ws = segment(tokens, language)
    const seen = new Set<string>()
    for (let i = 0; i + 1 < ws.length; i++) {
      const key = keyOf(ws[i]) + ' ' + keyOf(ws[i + 1])
      if (!seen.has(key)) thaiPairClauses.set(key, (thaiPairClauses.get(key) ?? 0) + 1)
      seen.add(key)
    }
  }
  /**
   * Two Thai words of the word list, one of them of one or two letters ("ชา|นม", "ชา|เย็น"), are a
   * compound when they come together in several different clauses (a sentence repeated a hundred
   * times is one clause: "นม|ไข่มุก" of one recurring sentence is no theme). Alone such a word is
   * never a theme: it may as well be a piece of a broken word.
   */
  const thaiCompound = (g: Word[]): boolean =>
    g.length === 2 &&
    g.some(isShortThaiWord) &&
    g.every((w) => !isShortThaiWord(w) || (thaiDictionary().has(w[0]) && !THAI_EDGE.has(w[0]) && letters(w[0]) === 2)) &&
    (thaiPairClauses.get(keyOf(g[0]) + ' ' + keyOf(g[1])) ?? 0) >= Math.max(3, minDistinct)

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
          // Every word of a one- or two-word gram is at its edge.
          if (!g) continue
          const compound = c.language === 'th' && thaiCompound(g)
          if (g.some((w) => isEdge(w, c.language) || (isNoise(w) && !compound))) continue
          if (g.length === 2 && c.language === 'en' && !recurTogether(g[0][0], g[1][0])) continue
          if (c.language === 'th' && (isLoosePiece(ws[i - 1]) || isLoosePiece(ws[i + g.length]))) continue
          const parts = g.map((w) => keyOf(w))
          const key = parts.join(' ')
          if (seen.has(key) || covered.has(key)) continue
          seen.add(key)
          const e = counts.get(key)
          if (e) e.count++
          // A compound is one word to a Thai reader, written without a space.
          else counts.set(key, { count: 1, language: c.language, example: c.comment, display: g.map((w) => w.join(joiner)).join(compound ? '' : ' '), parts })
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
