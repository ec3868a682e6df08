import { foldDiacritics, normalizeText } from './fold'
import { words } from './tokens'
import { complaintFacts } from './complaintPatterns'
import { LONGEST_THAI_JOIN, thaiDictionary } from './thaiWords'
import type { LexiconEntry } from './defaultLexicon'
import { LONGEST_COMPOUND, foldedVietnameseCompounds, vietnameseCompoundPrefixes, vietnameseCompounds } from './vietnameseWords'

/** Words that turn a sentence around: what follows them counts more than what came before ("ok, but slow"). */
const CONTRAST = new Set([
  'but', 'however', 'except', 'only thing', 'nhưng', 'nhung', 'nhưng mà', 'mà', 'tuy nhiên', 'tuy nhien', 'có điều', 'co dieu', 'chỉ tiếc', 'chi tiec', 'chỉ có điều',
  'แต่', 'แต่ว่า', 'ติดที่', 'ยกเว้น', 'เสียอย่างเดียว', 'ติดอย่างเดียว',
])
/** Words that concede: the rest of their clause counts less ("although the room was small, …", "tuy hơi chậm nhưng …"). */
const CONCESSIVE = new Set(['although', 'though', 'even though', 'despite', 'tuy', 'mặc dù', 'mac du', 'dù', 'dù là', 'tuy là', 'แม้', 'แม้ว่า', 'ถึงแม้', 'ถึงแม้ว่า', 'ถึงจะ'])
/** How many words after a negator it reaches (words, not syllables: "không phục vụ tốt" is three). */
const NEGATION_REACH = 3
/** Punctuation ends a clause: a negator never reaches past it ("không ai nghe, đồ uống ngon"). Kept, to see questions. */
const CLAUSE_SPLIT = /([.,;:!?？…\n\r()[\]"“”]+)/
/** Thai writes a space where other languages put a comma. */
const THAI_CLAUSE_SPLIT = /((?:[.,;:!?？…\n\r()[\]"“”]|\s)+)/
/** Latin letters with a diacritic, and đ: a token without any is compared with the folded terms too. */
const MARKED = /[\u00c0-\u024f\u1e00-\u1eff]/
/** A token of plain ASCII letters: in a Thai or Vietnamese comment, maybe an English word ("service ok", "chill"). */
const ASCII_WORD = /^[a-z]+$/
/** A letter written three times or more: "soooo gooood", "ngonnnn". */
const ELONGATED = /(\p{L})\1{2,}/u
/** Thai letters repeated for emphasis ("มากกกก", "ดีๆๆ"): one is kept before segmentation. */
const THAI_ELONGATED = /([\u0e01-\u0e4f])\1{2,}/g
/** Emoji and the common emoticons, scored as words of their own. */
const EMOJI = /\p{Extended_Pictographic}/gu
const EMOTICON = /(?:[:;=]['-]?(?:\)+|\(+)|(?<![\p{L}\p{N}])[:;=]['-]?[dp](?![\p{L}\p{N}])|<3|\^_*\^)/giu
const HAS_EMOJI = /[\p{Extended_Pictographic}:;=<^]/u
/** VADER's normalisation constant: a sum of weights s becomes s / √(s² + α), within −1…1. */
const ALPHA = 15
/** A yes/no question asks about a quality without asserting it ("Is the coffee good?"): its words count this much. */
const QUESTION_WEIGHT = 0.3
/** A closing sentence of this many words or fewer is a verdict, and counts this much. */
const VERDICT_WORDS = 4
const VERDICT_WEIGHT = 2
/** What a conceded clause counts ("although it was a bit slow"). */
const CONCESSION_WEIGHT = 0.5
/**
 * Thai particles that end a phrase: ICU often joins one to the word before ("พอแล้ว", "ดีนะ"), so a term
 * may end inside such a piece when a particle is the rest of it ("ครั้งเดียวพอ|แล้ว").
 */
const THAI_PARTICLES = new Set(['แล้ว', 'นะ', 'ค่ะ', 'คะ', 'ครับ', 'คับ', 'จ้า', 'จ้ะ', 'อ่ะ', 'อะ', 'ด้วย', 'ละ', 'สิ', 'ซะ'])
/** Languages written without spaces between words: their terms are compared without the segmenter's cuts. */
const JOINED = new Set(['th'])

/** English yes/no questions begin with an auxiliary verb. */
const EN_QUESTION_START = new Set(['is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'shall', 'may', 'have', 'has', 'any', 'anyone', 'anybody', 'anything'])
/** Vietnamese yes/no questions end in "không" / "chưa" (… có ngon không ạ?), before the polite particles. */
const VI_QUESTION_END = new Set(['không', 'khong', 'ko', 'k', 'hông', 'hong', 'hok', 'hem', 'chưa', 'chua', 'chăng', 'chang', 'hả', 'ha', 'à'])
const VI_PARTICLES = new Set(['ạ', 'a', 'vậy', 'vay', 'v', 'z', 'nhỉ', 'nhi', 'nhé', 'nhe', 'nha', 'ta', 'shop', 'ad', 'admin', 'bạn', 'ban', 'b', 'em', 'e', 'anh', 'chị', 'chi', 'ơi', 'oi'])
/** Thai question particles (ไหม, มั้ย, หรือเปล่า …), looked for anywhere in the clause. */
const TH_QUESTION = ['ไหม', 'มั้ย', 'มั๊ย', 'หรือเปล่า', 'รึเปล่า', 'หรือป่าว', 'ป่ะ', 'หรือไม่', 'หรือยัง', 'รึยัง']
const TH_POLITE_END = /(?:คะ|ค่ะ|ครับ|คับ|จ๊ะ|จ้ะ|จ้า|นะ|ฮะ)+$/
/**
 * Words of strong feeling that, written right after a sentiment word, only say how much (Vietnamese
 * and Thai put degree after: "ngon kinh khủng", terribly tasty; "ngon ghê"; "แพงชิบหาย"). Elsewhere
 * they keep their own weight ("kinh khủng" alone is awful).
 */
const DEGREE_AFTER = new Set(['kinh khủng', 'khủng khiếp', 'ghê', 'ghê gớm', 'kinh khung', 'khung khiep', 'ghe'])
/**
 * Excess: "too" before a word with no feeling of its own makes a complaint of it ("too sweet", "too
 * far"); so does Thai "เกินไป" after one ("หวานเกินไป"). Before a sentiment word it only strengthens it.
 */
const EXCESS_BEFORE = new Set(['too'])
const EXCESS_AFTER = new Set(['เกินไป', 'ไปหน่อย'])
const EXCESS_WEIGHT = -1
/**
 * "Cannot": a negator of ability that ends its clause with nothing to flip is a complaint of its own
 * ("đăng nhập không được", could not log in; "โหลดไม่ได้", will not load).
 */
const INABILITY = new Set(['không được', 'khong duoc', 'ko được', 'ko duoc', 'k được', 'k duoc', 'chưa được', 'chua duoc', 'ไม่ได้', 'cannot'])
const INABILITY_WEIGHT = -1.2
/** Particles that may follow a clause's last word. */
const CLAUSE_PARTICLES = new Set(['ạ', 'a', 'luôn', 'rồi', 'nữa', 'hết', 'mãi', 'á', 'à', 'nha', 'nhé', 'đâu', 'cả', 'vậy', 'z', 'v', 'luon', 'roi', 'nua', 'het', 'mai', 'dau',
  'ครับ', 'ค่ะ', 'คะ', 'นะ', 'จ้า', 'จ้ะ', 'เลย', 'แล้ว', 'อีก', 'หรอก', 'ด้วย', 'สักที', 'ซักที', 'เลยครับ', 'เลยค่ะ', 'นะคะ', 'นะครับ', 'at', 'all', 'anymore', 'again', 'still', 'yet',
  // A length of time after "cannot" keeps it a complaint ("โอนเงินไม่ได้ทั้งวัน", "đăng nhập không được cả ngày").
  'ทั้งวัน', 'ทั้งคืน', 'ทั้ง', 'วัน', 'คืน', 'หลายวัน', 'cả', 'ngày', 'hôm', 'nay', 'ca', 'ngay', 'day', 'days', 'today', 'hours', 'week'])
/**
 * Intensifiers written after the word they strengthen ("ngon lắm", "ช้ามาก", "late again"). English
 * puts most before; a few Vietnamese and Thai ones go only before ("rất ngon", "โคตรอร่อย"): right after
 * a word and before another, those strengthen the next ("khiếu nại | rất nhanh").
 */
const EN_AFTER = new Set(['again', 'indeed', 'at all', 'as hell', 'too'])
const BEFORE_ONLY = new Set(['rất', 'rat', 'siêu', 'sieu', 'cực', 'cuc', 'cực kỳ', 'cực kì', 'cuc ky', 'cuc ki', 'hơi bị', 'hoi bi', 'khá', 'kha', 'hết sức', 'het suc', 'hơi hơi', 'hoi hoi', 'โคตร', 'สุด', 'ค่อนข้าง'])
/** "Or": a negation reaches over it to the next word too ("not good or bad", "ไม่ได้ดีหรือแย่"). */
const DISJUNCTION = new Set(['or', 'nor', 'hay', 'hoặc', 'hoac', 'หรือ'])
/**
 * Price words: right after "price / giá / ราคา" (within three words of the clause) these carry the
 * price's verdict, whatever they mean elsewhere: "ราคาแรง" is steep although "แรง" alone is strong;
 * so "ราคาไม่แรง", "giá không cao" and "prices are not high" are praise.
 */
const PRICE_NOUNS = new Set(['price', 'prices', 'pricing', 'giá', 'gia', 'giá cả', 'gia ca', 'ราคา'])
const PRICE_WORDS = new Map<string, number>([
  ['high', -1], ['higher', -1], ['low', 1], ['lower', 1], ['cheap', 1],
  ['cao', -1], ['thấp', 1], ['thap', 1], ['mềm', 1.5], ['mem', 1.5], ['rẻ', 1.5], ['re', 1.5], ['chát', -1.5],
  ['แรง', -1], ['สูง', -1], ['ถูก', 1.5], ['ต่ำ', 1], ['เบา', 1], ['โหด', -1.5],
])
const PRICE_REACH = 3
/**
 * Something suffered: Vietnamese "bị" and Thai "โดน" mark what follows as having happened to the
 * customer ("tường bị nứt", "bị tính thêm", "โดนชาร์จ"): a word after them with no weight of its own
 * is a complaint; "không bị …" denies one ("không bị ngấy"); a sentiment word keeps its own weight.
 */
const ADVERSATIVE = new Set(['bị', 'โดน'])
const ADVERSATIVE_WEIGHT = -1
/**
 * Vietnamese negators as people type them ("ko", "k", "hok", "chẳng"): a phrase of the lexicon written
 * with "không" is found with any of them ("ko có gì để chê", "k ai nghe máy").
 */
const TEEN_NEGATORS = new Set(['ko', 'k', 'kg', 'khg', 'kh', 'hok', 'hem', 'kô', 'khum', 'hông', 'hổng', 'chẳng', 'chả', 'hk'])
/** Thai written cute: a silent "ย์" after a vowel ("ดีย์" for "ดี"). */
const THAI_CUTE_ENDING = /([\u0e30-\u0e39\u0e47-\u0e4b])ย์/g
/**
 * English endings tried when a word is not in the lexicon ("listens", "leaks", "shouting"): the stem, or
 * its past form; a word in "-ing" only as a verb's past form ("cleaning" is a service, not "clean").
 */
const NOT_INFLECTED = new Set(['goods', 'kinds', 'news', 'means', 'fines', 'rights', 'wells', 'bests', 'lefts', 'miss', 'less', 'ness'])

/** A known English word behind an inflected one ("shouting" → "shouted", "listens" → "listen"), or null. */
function englishStem(w: string, t: Table, noun = false): string | null {
  if (w.length < 5 || NOT_INFLECTED.has(w)) return null
  if (w.endsWith('ing')) {
    const s = w.slice(0, -3)
    for (const form of [`${s}ed`, `${s}d`, `${s.slice(0, -1)}ed`]) if (t.words.has(form)) return form
    return null
  }
  let stems: string[]
  if (w.endsWith('ed')) stems = [w.slice(0, -2), w.slice(0, -1)]
  else if (w.endsWith('es')) stems = [w.slice(0, -2), w.slice(0, -1)]
  else if (w.endsWith('s') && !w.endsWith('ss')) stems = [w.slice(0, -1)]
  else return null
  for (const s of stems) for (const form of noun ? [s] : [s, `${s}ed`, `${s}d`]) if (t.words.has(form)) return form
  return null
}

/**
 * Fourth round of issue 15. After these an English word in "-s" is a plural noun, only its bare form
 * is looked for ("the nails" are no "nailed").
 */
const DETERMINERS = new Set(['the', 'my', 'your', 'his', 'her', 'our', 'their', 'its', 'a', 'an', 'these', 'those', 'some', 'all', 'many', 'few', 'several', 'two', 'three', 'both', 'any'])
/** A negated verb of saying or thinking negates the rest of its clause: "I wouldn't say the massage was relaxing". */
const RAISING = new Set(['say', 'think', 'call', 'believe', 'consider', 'find'])
/** Need: a negator before it waives an expectation rather than failing it ("không cần báo", "ไม่ต้องแจ้ง", "no need to call"). */
const NEED = new Set(['need', 'needed', 'cần', 'ต้อง', 'จำเป็น', 'khỏi'])
/** … but not a surprise: "I didn't think it would be this good". */
const SURPRISE = new Set(['this', 'that', 'so', 'such'])
/** "Still" before a negator: what it denies is still not done ("it still won't charge", "vẫn chưa sửa"). */
const STILL = new Set(['still', 'vẫn', 'van'])
const STILL_WEIGHT = -1.2
/** … not when the customer has only not decided yet ("still not sure", "vẫn chưa biết"). */
const UNDECIDED = new Set(['sure', 'know', 'decided', 'decide', 'certain', 'biết', 'biet', 'rõ', 'quyết'])
/** Sizes, which in a description ("has a small balcony", "có ban công nhỏ", "มีระเบียงเล็ก") are no verdict. */
const SIZE = new Set(['small', 'smaller', 'nhỏ', 'nho', 'เล็ก', 'big', 'large'])
const EXISTENTIAL = new Set(['has', 'have', 'had', 'with', 'there', 'có', 'co', 'มี'])
/** Praise of speed: beside a long wait it is sarcasm ("nhanh ghê, 45 phút là có"). */
const SPEED = new Set(['fast', 'quick', 'quickly', 'speedy', 'prompt', 'promptly', 'rapid', 'nhanh', 'nhanh chóng', 'nhanh gọn', 'lẹ', 'nhanh nhẹn', 'เร็ว', 'ไว', 'รวดเร็ว', 'ทันใจ', 'รวดเร็วทันใจ'])
/** Words that an exclamation of praise may hold besides praise ("Oh wow, great", "Giỏi ghê luôn"). */
const EXCLAMATION = new Set(['oh', 'wow', 'just', 'what', 'a', 'an', 'how', 'yeah', 'yay', 'well', 'luôn', 'ghê', 'thật', 'ta', 'nhỉ', 'ha', 'ghe', 'that', 'vậy', 'thế', 'เลย', 'นะ', 'ค่ะ', 'ครับ', 'จ้า', 'เนอะ'])
/** Saying it happened again: after an exclamation of praise, the praise is sarcasm ("Great, another delay"). */
const AGAIN = new Set(['another', 'again', 'lại', 'nữa', 'lai', 'nua', 'อีก', 'อีกแล้ว'])
/** What the rest of a comment must weigh (without a fact of complaint or "again") to make sarcasm of a bare exclamation. */
const SARCASM_REST = -3
const SARCASM_WORDS = 4
/** "Thái độ" / "attitude" with no word of judgement in its clause is rude ("Shipper thái độ", "the waiter had an attitude"). */
const ATTITUDE = new Set(['thái độ', 'thai do', 'attitude'])
const ATTITUDE_WEIGHT = -2
/**
 * Cold is good in a beer and an air-conditioner, bad in soup: beside one of these things (in its clause;
 * in Thai, which marks no clauses, anywhere in the comment) a cold word is praise and a warm one a
 * complaint ("the AC was ice cold", "bia không lạnh", "เบียร์ไม่เย็น").
 */
const COOL_THINGS: Record<string, RegExp> = {
  en: /\b(?:ac|aircon|aircond|air con|air conditioning|air conditioner|beer|beers|soda|coke|fridge|minibar|smoothies?|milkshake|lemonade|cocktails?)\b/,
  vi: /máy lạnh|điều hòa|điều hoà|bia|nước ngọt|tủ lạnh|trà đá|nước đá|sinh tố|nước mía|may lanh|dieu hoa/,
  th: /แอร์|เบียร์|น้ำอัดลม|น้ำดื่ม/,
}
const COLD = new Set(['cold', 'chilled', 'icy', 'frosty', 'lạnh', 'lanh', 'เย็น'])
const WARM = new Set(['warm', 'hot', 'nóng', 'ấm', 'nong', 'ร้อน', 'อุ่น'])
const COOL_WEIGHT = 1.5

/** A quotation of a few words: opened after a space (not an apostrophe inside a word), closed before one. */
const QUOTE_MARK = /(?:^|[\s(:])['‘"“]/
const QUOTED = /(^|[\s(:])['‘"“]([^'‘’"“”\n]{1,80}?)['’"”](?=$|[\s.,!?;:)])/g
const QUOTED_WORDS = 8

/** The weight at most a flat word has ("average", "ok", "tạm"): flat words do not add up; the first one counts. */
const FLAT = 0.5

/**
 * Thai words of the dictionary that ICU cut into three or four fragments (of up to three letters each,
 * the mark of a confused cut) are one piece again ("รส|ชา|ติ", before "กลางๆ"): a term may then start
 * inside it only if terms cover it all ("ติ" of "รสชาติ" is no criticism).
 */
const THAI_FRAGMENT = 3
function joinThaiWords(tokens: string[]): string[] {
  if (tokens.length < 3) return tokens
  let out: string[] | null = null
  for (let i = 0; i < tokens.length; ) {
    // Only a run of three or more short pieces can be rejoined.
    let run = 0
    while (run < LONGEST_THAI_JOIN && i + run < tokens.length && tokens[i + run].length <= THAI_FRAGMENT) run++
    let took = 1
    for (let k = run; k >= 3; k--) {
      if (thaiDictionary().has(tokens.slice(i, i + k).join(''))) {
        took = k
        break
      }
    }
    if (took > 1) out ??= tokens.slice(0, i)
    if (out) out.push(took === 1 ? tokens[i] : tokens.slice(i, i + took).join(''))
    i += took
  }
  return out ?? tokens
}

/**
 * Whether a praise word at token `at` (ending at `end`), within the reach of a negator at token
 * `negator`, is not negated after all: "can't recommend it enough", "couldn't be happier", "không thể
 * tốt hơn"; after a negated "think", a surprise ("didn't think it would be this good").
 */
function notNegated(ws: string[], negator: number, at: number, end: number, raised: boolean, language: string | null): boolean {
  if (raised && SURPRISE.has(ws[at - 1] ?? '')) return true
  for (let k = at + 1; k <= at + 4 && k < ws.length; k++) if (ws[k] === 'enough') return true
  const between = ws.slice(negator + 1, at)
  const w = ws[at]
  if ((between.includes('be') || between.includes('been') || between.includes('ask')) && (w.endsWith('er') || w === 'more' || ws[at - 1] === 'more' || ws[at - 1] === 'any')) return true
  return language === 'vi' && (between.includes('thể') || between.includes('the')) && (ws[end] === 'hơn' || ws[end] === 'hon')
}

/** Words that "too" does not make a complaint of. */
const NOT_EXCESSIVE = new Set(['and', 'the', 'a', 'an', 'i', 'we', 'it', 'but', 'so', 'as', 'to', 'is', 'was', 'are', 'were', 'for', 'at', 'in', 'on', 'with', 'of', 'my', 'our', 'you', 'me', 'us', 'they', 'he', 'she', 'this', 'that', 'there', 'here', 'haha', 'lol'])

interface Table {
  words: Map<string, number>
  negators: Set<string>
  intensifiers: Map<string, number>
}

interface CompiledLexicon extends Table {
  /** How far a phrase is looked for: the most words of any term, or the most letters in a language written without spaces. */
  longest: number
  /** Terms keyed without spaces (Thai): the segmenter may cut a phrase differently inside a sentence than alone. */
  joined: boolean
  /** The same terms folded, looked up only for text typed without diacritics ("bạn" must not match "bẩn"). */
  folded: Table
  /** Emoji and emoticons with a weight. */
  emoji: Map<string, number>
  /**
   * Every beginning of a term (and of a contrast or concession word): by letters in a language written
   * without spaces; elsewhere the beginnings of its phrases by words ("went out of"), also folded, so
   * the search for a longer phrase stops where none can follow.
   */
  prefixes: Set<string>
}

export type Lexicons = Map<string, CompiledLexicon>

const emptyTable = (): Table => ({ words: new Map(), negators: new Set(), intensifiers: new Map() })
const has = (t: Table, key: string) => t.words.has(key) || t.negators.has(key) || t.intensifiers.has(key)

/** The key of an emoji or emoticon term (":-)" and ":)" are one), or null for a term made of words. */
function emojiKey(term: string): string | null {
  const t = term.trim().toLowerCase()
  const m = t.match(EMOTICON)
  if (m && m[0] === t) return normalizeEmoticon(t)
  if (!t || /[\p{L}\p{N}]/u.test(t)) return null
  const pictographs = t.match(EMOJI)
  return pictographs?.length === 1 ? pictographs[0] : null
}
function normalizeEmoticon(e: string): string {
  return e.replace(/['-]/g, '').replace(/^[;=]/, ':').replace(/\)+$/, ')').replace(/\(+$/, '(').replace(/\^_*\^/, '^^')
}

/** Builds the lookup tables; each term is also found in its folded form (Vietnamese typed without diacritics). */
export function compileLexicons(entries: Iterable<{ language: string } & LexiconEntry>): Lexicons {
  const out: Lexicons = new Map()
  for (const e of entries) {
    let lex = out.get(e.language)
    const joined = JOINED.has(e.language)
    if (!lex) out.set(e.language, (lex = { ...emptyTable(), longest: 1, joined, folded: emptyTable(), emoji: new Map(), prefixes: new Set() }))
    const emoji = emojiKey(e.term)
    if (emoji) {
      if (e.kind === 'word') lex.emoji.set(emoji, e.weight)
      continue
    }
    const termWords = words(e.term)
    const key = termWords.join(joined ? '' : ' ')
    if (!key) continue
    lex.longest = Math.max(lex.longest, joined ? key.length : termWords.length)
    for (const [form, into] of [
      [key, lex],
      [foldDiacritics(key), lex.folded],
    ] as const) {
      if (e.kind === 'word') {
        if (into === lex || !into.words.has(form)) into.words.set(form, e.weight)
      } else if (e.kind === 'negator') into.negators.add(form)
      else into.intensifiers.set(form, e.weight)
    }
  }
  // Typed without diacritics, a word wins over a negator: "hong" is "hỏng" (broken) before "hông" (not).
  for (const lex of out.values()) {
    for (const w of lex.folded.words.keys()) if (!lex.negators.has(w)) lex.folded.negators.delete(w)
    if (!lex.joined) {
      const tables = [lex, lex.folded]
      const phrases = [...CONTRAST, ...CONCESSIVE, ...DEGREE_AFTER].flatMap((p) => [p, foldDiacritics(p)])
      for (const t of tables) phrases.push(...t.words.keys(), ...t.negators, ...t.intensifiers.keys())
      for (const phrase of phrases) {
        const parts = phrase.split(' ')
        for (let k = 1; k < parts.length; k++) lex.prefixes.add(parts.slice(0, k).join(' '))
      }
      continue
    }
    for (const key of [...lex.words.keys(), ...lex.negators, ...lex.intensifiers.keys(), ...CONTRAST, ...CONCESSIVE, ...THAI_PARTICLES])
      for (let k = 1; k <= key.length; k++) lex.prefixes.add(key.slice(0, k))
  }
  return out
}

/** English contractions: "don't" → "do not", so the negator is a word of its own. */
const expandContractions = (text: string) => text.replace(/n['’]t\b/gi, ' not').replace(/\bcan not\b/gi, 'cannot')

interface Clause {
  tokens: string[]
  /** Ended by a question mark. */
  asked: boolean
  /** Begins a sentence (after ". ! ? …" or a new line), not the first one. */
  opensSentence: boolean
}

/** The clauses of a text (split at punctuation, and in Thai at spaces), each with its words. */
function clausesOf(text: string, language: string | null): Clause[] {
  const parts = text.split(language === 'th' ? THAI_CLAUSE_SPLIT : CLAUSE_SPLIT)
  const out: Clause[] = []
  for (let k = 0; k < parts.length; k += 2) {
    const tokens = words(parts[k])
    if (tokens.length) out.push({ tokens, asked: /[?？]/.test(parts[k + 1] ?? ''), opensSentence: k > 0 && /[.!?？…\n]/.test(parts[k - 1]) })
  }
  return out
}

/** Whether a clause is a yes/no question: it asks about a quality, it does not assert it. */
function isYesNoQuestion(c: Clause, language: string | null): boolean {
  const t = c.tokens
  if (language === 'th') {
    const joined = t.join('').replace(TH_POLITE_END, '')
    return TH_QUESTION.some((q) => t.includes(q) || joined.endsWith(q))
  }
  if (language === 'vi') {
    let end = t.length - 1
    while (end > 0 && VI_PARTICLES.has(t[end])) end--
    // "… có ngon không" is a question; "phục vụ cũng không" (nor the service) is not, without "?" or "có".
    return VI_QUESTION_END.has(t[end]) && end > 0 && (c.asked || t.includes('có') || t.includes('co'))
  }
  return c.asked && EN_QUESTION_START.has(t[0])
}

/**
 * Whether a Vietnamese comment was typed without diacritics: fewer than one word in five carries one
 * ("quan nay khong ngon, đc" is; "Cho xin hóa đơn, gửi qua Zalo" is not).
 */
function typedWithoutDiacritics(text: string): boolean {
  if (!MARKED.test(text)) return true
  const ws = text.split(/\s+/)
  let marked = 0
  for (const w of ws) if (MARKED.test(w)) marked++
  return marked * 5 < ws.length
}

/** A word written with a letter held ("soooo", "gooood"): the form the lexicon knows, trying two letters then one. */
function unstretch(token: string, lex: CompiledLexicon): string {
  if (!ELONGATED.test(token)) return token
  const two = token.replace(/(\p{L})\1{2,}/gu, '$1$1')
  if (has(lex, two) || has(lex.folded, two)) return two
  return token.replace(/(\p{L})\1{2,}/gu, '$1')
}

/**
 * A Thai clause cut into lexicon terms where it can be: the segmenter's cuts depend on the words
 * around, so a term may span two of its pieces or half of one ("ไม่ได้|รับ" holds "ไม่" + "ได้รับ",
 * "ไม่สะอาด" may come whole). Of the ways to cut the clause into terms and the segmenter's own pieces,
 * the one that covers the most letters with terms wins, then the one with fewer pieces. A term may
 * end inside a piece only if terms (or a closing particle, THAI_PARTICLES) cover the rest of that
 * piece ("ดีเซล", diesel, holds no "ดี"; "พอแล้ว" holds "พอ" + "แล้ว").
 */
function thaiPieces(tokens: string[], lex: CompiledLexicon): string[] {
  const text = tokens.join('')
  const n = text.length
  const boundary = new Set<number>([0])
  const nextBoundary = new Array<number>(n + 1).fill(n)
  for (let p = 0, k = 0; k < tokens.length; k++) boundary.add((p += tokens[k].length))
  for (let p = n - 1, next = n; p >= 0; p--) {
    nextBoundary[p] = next
    if (boundary.has(p)) next = p
  }
  const known = (t: string) => has(lex, t) || CONTRAST.has(t) || CONCESSIVE.has(t) || THAI_PARTICLES.has(t)
  // From the end: the best covering of text[p…] (letters in terms, pieces, the first piece's end); −1 where none.
  const covered = new Array<number>(n + 1).fill(-1)
  const pieces = new Array<number>(n + 1).fill(0)
  const step = new Array<number>(n + 1).fill(0)
  covered[n] = 0
  for (let p = n - 1; p >= 0; p--) {
    if (boundary.has(p)) {
      const q = nextBoundary[p]
      covered[p] = covered[q]
      pieces[p] = pieces[q] + 1
      step[p] = q
    }
    for (let q = p + 1; q <= n; q++) {
      const piece = text.slice(p, q)
      if (!lex.prefixes.has(piece)) break
      if (covered[q] < 0 || !known(piece)) continue
      const len = q - p
      const c = covered[q] + len
      if (c > covered[p] || (c === covered[p] && pieces[q] + 1 < pieces[p])) {
        covered[p] = c
        pieces[p] = pieces[q] + 1
        step[p] = q
      }
    }
  }
  if (covered[0] <= 0) return tokens
  const out: string[] = []
  for (let p = 0; p < n; p = step[p]) out.push(text.slice(p, step[p]))
  return out
}

/** Whether every syllable of a phrase is a lexicon term: then it is read as those terms, not as a dictionary word ("qua dat" is "quá đắt"). */
function coveredByTerms(ws: string[], from: number, to: number, t: Table): boolean {
  for (let k = from; k < to; k++) if (!has(t, ws[k])) return false
  return true
}

/**
 * A negated word: its sign turns, and its strength is damped but kept noticeable, so that "not good"
 * and "ราคาไม่แพง" (not expensive) are read as opinions, "not bad" only as mildly good, and a word of
 * mild expectation ("arrived", "trả lời", "ได้รับ": weight below 1) becomes a complaint when it did not happen.
 */
const negated = (w: number) => -Math.sign(w) * Math.max(Math.abs(w) * 0.7, 1.2)

/**
 * A weight scaled by an intensifier. A softener ("a bit", "hơi hơi", "นิดหน่อย") makes a word milder
 * but never below a plain word's strength: "a bit slow" is still a complaint.
 */
const softened = (w: number, factor: number) => (factor >= 1 ? w * factor : Math.sign(w) * Math.max(Math.abs(w) * factor, Math.min(Math.abs(w), 1)))

/**
 * How much of a comment is read: its verdict is in what a person writes first, and some of the
 * families (Thai text without spaces above all) take time that grows faster than the text: a
 * 20,000-character Thai comment (the import's longest) took 0.27 s, so a file of them would hold an
 * import or a re-score for hours. Real comments are far shorter; a longer one is read up to the last
 * sentence end or space before this.
 */
export const SCORED_CHARS = 4_000

/** The part of a comment that is scored: all of it, or its first SCORED_CHARS cut at a boundary. */
export function scoredPart(text: string): string {
  if (text.length <= SCORED_CHARS) return text
  const head = text.slice(0, SCORED_CHARS)
  const near = SCORED_CHARS - 400
  const sentence = Math.max(head.lastIndexOf('.'), head.lastIndexOf('!'), head.lastIndexOf('?'), head.lastIndexOf('\n'))
  if (sentence >= near) return head.slice(0, sentence + 1)
  const space = head.lastIndexOf(' ')
  if (space >= near) return head.slice(0, space + 1)
  // No boundary near the end (Thai, or one endless word): cut where the limit falls, not mid-pair.
  return /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head
}

/**
 * A comment's sentiment from −1 to +1 (0 when no lexicon word occurs), or null without text.
 * Reads the comment clause by clause and word by word: at each position the longest lexicon phrase
 * or, in Vietnamese, the longest word of the word list wins, so a compound is recognised before its
 * syllables ("không gian", a space, is not "không", not) — also typed without diacritics. A negator
 * flips the next sentiment word within three words of the same clause; intensifiers scale it, the word
 * after them or, right after a word, that word (Thai and Vietnamese put them after: "ช้ามาก", "ngon
 * lắm"); "too" makes a complaint of a plain word ("too sweet"). After "but" the clause counts more; a
 * clause conceded ("although …") or asked about ("is it good?") counts less; "cannot" ending a clause
 * is a complaint, and a negation reaches over "or". Emoji count as words; English words in a Thai or
 * Vietnamese comment are read with the English lexicon; Thai is matched against the terms whatever
 * the segmenter's cuts (thaiPieces).
 */
export function scoreSentiment(whole: string | null, language: string | null, lexicons: Lexicons): number | null {
  if (!whole || !whole.trim()) return null
  const text = scoredPart(whole)
  const lex = lexicons.get(language ?? 'en') ?? lexicons.get('en')
  if (!lex) return 0
  const english = language && language !== 'en' ? lexicons.get('en') : undefined
  const compounds = language === 'vi' ? vietnameseCompounds() : null
  const foldedCompounds = language === 'vi' ? foldedVietnameseCompounds : null
  const compoundPrefixes = language === 'vi' ? vietnameseCompoundPrefixes() : null
  const longest = Math.max(lex.longest, compounds ? LONGEST_COMPOUND : 1)
  const typedBare = language !== 'vi' || typedWithoutDiacritics(text)
  // Complaints told as facts, and the spans that name an order: "ordered medium rare, got it well done"
  // holds no praise. Read lower-cased, as every token is.
  let body = normalizeText(text)
  const facts = complaintFacts(body, language)
  for (const [a, b] of facts.orders) body = `${body.slice(0, a)}.${' '.repeat(Math.max(0, b - a - 1))}${body.slice(b)}`
  // Words in quotation marks are someone else's ("the 'fast wifi'", a cake that should read "Happy
  // birthday"): a claim doubted or a text asked for, not the customer's verdict (fifth round).
  if (QUOTE_MARK.test(body)) body = body.replace(QUOTED, (m: string, pre: string, inner: string) => (inner.split(/\s+/).length <= QUOTED_WORDS ? `${pre}${' '.repeat(m.length - pre.length)}` : m))
  let source = expandContractions(body)
  let emojiSum = 0
  if (HAS_EMOJI.test(source)) {
    const lower = source.toLowerCase()
    for (const m of lower.match(EMOJI) ?? []) emojiSum += lex.emoji.get(m) ?? 0
    for (const m of lower.match(EMOTICON) ?? []) emojiSum += lex.emoji.get(normalizeEmoticon(m)) ?? 0
    // An emoticon ends a sentence; its brackets must not be read as anything else.
    source = source.replace(EMOTICON, '. ')
  }
  if (language === 'th') source = source.replace(THAI_ELONGATED, '$1').replace(THAI_CUTE_ENDING, '$1')
  const stretched = ELONGATED.test(source)
  let before = 0
  let after = 0
  let contrastSeen = false
  const clauses = clausesOf(source, language)
  // What came before the clause being read, and the "but"s met so far: for a closing verdict.
  let clauseBefore = 0
  let clauseAfter = 0
  let contrasts = 0
  let contrastsBefore = 0
  // Fourth round: what the first clause added and whether it was a bare exclamation of praise; "again"
  // said after it; praise of speed; whether a flat word was counted.
  let opening = 0
  let openingBare = false
  let againSaid = false
  let speed = 0
  let flatSeen = false
  for (let clauseIndex = 0; clauseIndex < clauses.length; clauseIndex++) {
    const clause = clauses[clauseIndex]
    clauseBefore = before
    clauseAfter = after
    contrastsBefore = contrasts
    let ws = stretched ? clause.tokens.map((w) => unstretch(w, lex)) : clause.tokens
    if (lex.joined) ws = thaiPieces(joinThaiWords(ws), lex)
    // Text typed without diacritics is compared with the folded terms too; in a comment written with
    // them, a bare syllable is meant bare ("cho", for, is not "chờ", wait; "xin", please, not "xịn").
    const plain = ws.map((w) => typedBare && !MARKED.test(w))
    const teenTyped = compounds !== null && ws.some((w) => TEEN_NEGATORS.has(w))
    if (clauseIndex > 0 && !againSaid) againSaid = ws.some((w) => AGAIN.has(w))
    // A yes/no question counts less: looked at only once the clause has a word to weigh.
    let asked: number | null = null
    const questionWeight = () => (asked ??= isYesNoQuestion({ ...clause, tokens: ws }, language) ? QUESTION_WEIGHT : 1)
    let concession = 1
    let lastNegatorAt = -99
    // Where an inability negator ("không được", "ไม่ได้") ended, while it has flipped nothing.
    let inabilityEnd = -1
    let boost = 1
    let excessAt = -1
    // The token just passed without any meaning found for it, for a Thai "เกินไป" after it.
    let unknownEnd = -1
    // Where "price" was read, and the word after "bị" / "โดน".
    let priceAt = -99
    let sufferedAt = -1
    // The sentiment word just read: where it ended and what it added, for an intensifier that follows it.
    let last = { end: -1, w: 0, after: false }
    /** A word's weight as read here: strengthened, flipped by a negator within reach, then weighed by its clause. */
    let flipped = false
    // An expectation a negator flipped ("không hướng dẫn"), and what it added: a word of praise after it
    // within the negator's reach takes the negation instead ("không hướng dẫn khách hàng chu đáo": not
    // attentive); a complaint after it is read as written ("never arrived and nobody called").
    let deferred: number | null = null
    // Fourth round: where the last negator was (by token), whether it negates the rest of the clause
    // ("wouldn't say"), whether "still" came before it, the words it flipped, a word that takes the
    // negation of the one before it ("không bị giật lag"), "thái độ" read, and words not understood.
    let negatorToken = -1
    let needless = false
    let raised = false
    let stillNegated = false
    let flippedAny = false
    let flips: Array<{ w: number; after: boolean; sign: number }> | null = null
    let chainEnd = -1
    let chainSign = 0
    let attitude = false
    let judged = false
    let unknown = 0
    const opened = before + after
    const read = (base: number, unit: number, at = -1, end = at + 1) => {
      flipped = false
      // A word of no weight ("charge", "ordered") is nothing to negate: the negator waits for the next one.
      if (base === 0) return 0
      let w = softened(base, boost)
      // A negator within reach flips the word ("not good", "không ngon", "ไม่อร่อย"), and only that one:
      // "ราคาไม่แพง รสชาติดี" is not expensive and tasty.
      if (unit - lastNegatorAt > (raised ? 99 : NEGATION_REACH)) return w * questionWeight() * concession
      // "No need to let us know" (không cần báo, ไม่ต้องแจ้ง): an expectation waived, not one failed.
      if (needless && Math.abs(base) < 1) return w * questionWeight() * concession
      if (base > 0 && at >= 0 && notNegated(ws, negatorToken, at, end, raised, language)) {
        // "Can't thank her enough", "couldn't be happier", "không thể hài lòng hơn": praise at its most.
        lastNegatorAt = -99
        return (raised && SURPRISE.has(ws[at - 1] ?? '') ? w : Math.max(w * 1.5, 2)) * questionWeight() * concession
      }
      if (deferred !== null && base <= 0) {
        lastNegatorAt = -99
        deferred = null
        return w * questionWeight() * concession
      }
      w = negated(w) * questionWeight() * concession
      inabilityEnd = -1
      flipped = true
      flippedAny = true
      if (deferred === null && base !== 0 && Math.abs(base) < 1) deferred = w
      else {
        lastNegatorAt = -99
        if (deferred !== null) {
          if (contrastSeen) after -= deferred
          else before -= deferred
          deferred = null
        }
      }
      return w
    }
    const add = (w: number, end: number) => {
      if (contrastSeen) after += w
      else before += w
      boost = 1
      last = { end, w, after: contrastSeen }
    }
    // Words read so far in the clause (a compound or a phrase counts as one), for the negator's reach.
    for (let i = 0, unit = 0; i < ws.length; unit++) {
      // "ราคาไม่แรง", "prices are high": a price word after "price" says what the price is.
      const priced = unit - priceAt <= PRICE_REACH ? PRICE_WORDS.get(ws[i]) : undefined
      if (priced !== undefined) {
        add(read(priced, unit), i + 1)
        priceAt = -99
        i++
        continue
      }
      let matched = 0
      let key = ''
      let table: Table | null = lex
      let allPlain = true
      let candidate = ''
      for (let n = 1; i + n <= ws.length; n++) {
        candidate = n === 1 || lex.joined ? candidate + ws[i + n - 1] : `${candidate} ${ws[i + n - 1]}`
        if (lex.joined ? candidate.length > lex.longest : n > longest) break
        allPlain &&= plain[i + n - 1]
        // Text written without diacritics is compared with the folded terms; text with them, only exactly.
        const t = allPlain && !lex.words.has(candidate) ? lex.folded : lex
        if (has(t, candidate) || CONTRAST.has(candidate) || CONCESSIVE.has(candidate)) {
          matched = n
          key = candidate
          table = t
        } else if (n > 1 && (compounds?.has(candidate) || (allPlain && foldedCompounds?.().has(candidate))) && !coveredByTerms(ws, i, i + n, t)) {
          // A word of the word list, longer than any lexicon term here: one word with no sentiment.
          matched = n
          key = candidate
          table = null
        } else if (n > 1 && teenTyped && ws.slice(i, i + n).some((w) => TEEN_NEGATORS.has(w))) {
          // "ko có gì để chê": the phrase as written with "không".
          const canon = t === lex ? 'không' : 'khong'
          const alt = ws
            .slice(i, i + n)
            .map((w) => (TEEN_NEGATORS.has(w) ? canon : w))
            .join(' ')
          if (has(t, alt)) {
            matched = n
            key = alt
            table = t
          }
        }
        // No longer term or word of the list begins with these words: stop looking ("the staff …").
        if (!lex.joined && !teenTyped && !lex.prefixes.has(candidate) && !compoundPrefixes?.has(candidate)) break
      }
      // A word of the word list whose last syllable begins a longer lexicon phrase yields to it: "hàng
      // không giống hình" is goods unlike the photo, not "hàng không" (aviation) + "giống hình".
      if (matched > 1 && table === null && lex.prefixes.has(ws[i + matched - 1])) {
        const j = i + matched - 1
        let phrase = ws[j]
        for (let n = 2; j + n <= ws.length && n <= lex.longest; n++) {
          phrase += ` ${ws[j + n - 1]}`
          if (lex.words.has(phrase) || (plain[j] && lex.folded.words.has(phrase))) {
            matched = 0
            break
          }
          if (!lex.prefixes.has(phrase)) break
        }
      }
      // An English word in a Thai or Vietnamese comment ("service ok", "nhân viên nice").
      if (!matched && english && ASCII_WORD.test(ws[i])) {
        let phrase = ''
        for (let n = 1; n <= english.longest && i + n <= ws.length && ASCII_WORD.test(ws[i + n - 1]); n++) {
          phrase = n === 1 ? ws[i] : `${phrase} ${ws[i + n - 1]}`
          if (english.words.has(phrase) || (language === 'th' && english.intensifiers.has(phrase))) {
            matched = n
            key = phrase
            table = english
          }
        }
      }
      // "listens", "shouting": an English word in another form than the lexicon's.
      const englishTable = english ?? (language === 'en' || !language ? lex : null)
      if (!matched && englishTable && ASCII_WORD.test(ws[i])) {
        const stem = englishStem(ws[i], englishTable, DETERMINERS.has(ws[i - 1] ?? ''))
        if (stem) {
          matched = 1
          key = stem
          table = englishTable
        }
      }
      if (!matched || !table) {
        const end = i + (matched || 1)
        const token = matched ? key : ws[i]
        if (!EXCLAMATION.has(token)) unknown++
        // "too sweet": a plain word after "too" is a complaint.
        if (!matched && excessAt === i && !NOT_EXCESSIVE.has(ws[i])) add(read(EXCESS_WEIGHT, unit), end)
        // "tường bị nứt": what follows "bị" happened to the customer.
        else if (sufferedAt === unit) add(read(ADVERSATIVE_WEIGHT, unit), end)
        if (PRICE_NOUNS.has(token)) priceAt = unit
        if (ADVERSATIVE.has(token)) sufferedAt = unit + 1
        unknownEnd = end
        i = end
        continue
      }
      const end = i + matched
      if (CONTRAST.has(key) && !table.words.has(key)) {
        // What follows the last "but" weighs more than all that came before it.
        before += after
        after = 0
        contrastSeen = true
        contrasts++
        lastNegatorAt = -99
        inabilityEnd = -1
        deferred = null
        boost = 1
        concession = 1
      } else if (CONCESSIVE.has(key) && !table.words.has(key)) concession = CONCESSION_WEIGHT
      else if (table.negators.has(key)) {
        lastNegatorAt = unit
        negatorToken = end - 1
        deferred = null
        inabilityEnd = INABILITY.has(key) ? end : -1
        raised = RAISING.has(ws[end] ?? '')
        needless = NEED.has(ws[end] ?? '')
        if ((STILL.has(ws[i - 1] ?? '') || STILL.has(ws[i - 2] ?? '')) && !clause.asked && !UNDECIDED.has(ws[end] ?? '')) stillNegated = true
      }
      else if (table.intensifiers.has(key) && !table.words.has(key)) {
        const factor = table.intensifiers.get(key) ?? 1
        const postposed = language === 'en' || !language ? EN_AFTER.has(key) : !BEFORE_ONLY.has(key)
        if (last.end === i && postposed) {
          const w = softened(last.w, factor)
          if (last.after) after += w - last.w
          else before += w - last.w
          last = { ...last, end, w }
        } else if (EXCESS_AFTER.has(key) && unknownEnd === i) {
          // "หวานเกินไป": the plain word before it was too much.
          add(read(EXCESS_WEIGHT, unit), end)
        } else {
          boost *= factor
          if (EXCESS_BEFORE.has(key)) excessAt = end
        }
      } else if (DEGREE_AFTER.has(key) && last.end === i && last.w !== 0) {
        // "ngon kinh khủng": terribly tasty.
        const extra = last.w * 0.5
        if (last.after) after += extra
        else before += extra
        last = { ...last, end, w: last.w * 1.5 }
      } else if (table.words.has(key)) {
        let base = table.words.get(key) ?? 0
        if ((COLD.has(key) || WARM.has(key)) && COOL_THINGS[language ?? 'en']?.test(language === 'th' ? body : ws.join(' '))) base = COLD.has(key) ? COOL_WEIGHT : -COOL_WEIGHT
        // "không bị giật lag": a word right after a negated one, of the same sign, is negated too.
        if (base !== 0 && i === chainEnd && Math.sign(base) === chainSign) lastNegatorAt = unit
        const within = unit - lastNegatorAt <= (raised ? 99 : NEGATION_REACH)
        if (ATTITUDE.has(key)) attitude = true
        else if (base !== 0) judged = true
        if (base !== 0 && Math.abs(base) <= FLAT && !within && boost === 1 && flatSeen) {
          // "Average food, average prices": flat words do not add up.
        } else {
          if (base !== 0 && Math.abs(base) <= FLAT && !within) flatSeen = true
          // "Has a small balcony", "có ban công nhỏ": a size in a description is no verdict.
          const w = SIZE.has(key) && boost === 1 && ws.slice(0, i).some((t) => EXISTENTIAL.has(t)) ? 0 : read(base, unit, i, end)
          add(w, end)
          if (flipped) {
            flips ??= []
            flips.push({ w, after: contrastSeen, sign: Math.sign(base) })
            chainEnd = end
            chainSign = Math.sign(base)
          } else if (w > 0 && SPEED.has(key)) speed += w
        }
        // "not good or bad": the negation reaches the word after "or" as well.
        if (flipped && DISJUNCTION.has(ws[end] ?? '')) lastNegatorAt = unit + 1
      }
      i = end
    }
    // "thanh toán không được": a clause that ends on "cannot".
    if (inabilityEnd >= 0 && ws.slice(inabilityEnd).every((w) => CLAUSE_PARTICLES.has(w))) {
      const w = INABILITY_WEIGHT * questionWeight() * concession
      if (contrastSeen) after += w
      else before += w
    }
    // "Neither good nor bad" told as two negations ("ไม่ได้ดีไม่ได้แย่", "không ngon không dở"): they cancel.
    if (flips && flips.some((f) => f.sign > 0) && flips.some((f) => f.sign < 0))
      for (const f of flips) {
        if (f.after) after -= f.w
        else before -= f.w
      }
    // "It still won't charge", "vẫn chưa sửa": still not done, whatever the verb.
    // "Shipper thái độ", "had an attitude": the word alone is the complaint.
    const extra = (stillNegated && !flippedAny ? STILL_WEIGHT : 0) + (attitude && !judged ? ATTITUDE_WEIGHT : 0)
    if (extra) {
      if (contrastSeen) after += extra * questionWeight()
      else before += extra * questionWeight()
    }
    if (clauseIndex === 0) {
      opening = before + after - opened
      openingBare = unknown === 0 && ws.length <= SARCASM_WORDS && !contrastSeen
    }
  }
  // A short last sentence is the customer's verdict ("Good service.", "Not coming back.", "Thất vọng."): it
  // counts twice; not politeness ("Em cảm ơn.": below a word of opinion's weight), nor in Thai, which
  // marks no sentence's end.
  const closing = clauses.at(-1)
  const verdict = before - clauseBefore + (after - clauseAfter)
  if (closing && language !== 'th' && closing.opensSentence && closing.tokens.length <= VERDICT_WORDS && contrasts === contrastsBefore && Math.abs(verdict) >= 1) {
    before += (before - clauseBefore) * (VERDICT_WEIGHT - 1)
    after += (after - clauseAfter) * (VERDICT_WEIGHT - 1)
  }
  let sum = (contrastSeen ? before * 0.5 + after * 1.5 : before) + emojiSum + facts.weight
  // Sarcasm: a bare exclamation of praise, then a complaint told as a fact, "again", or nothing but
  // complaints ("Great, another delay", "Giỏi ghê, lại trễ", "เก่งมาก รอชั่วโมงนึง"): the praise is meant
  // the other way round.
  if (openingBare && opening > 0 && clauses.length > 1 && !contrastSeen) {
    const rest = before - opening + facts.weight
    if (rest < 0 && (facts.weight < 0 || againSaid || rest <= SARCASM_REST)) sum -= 2 * opening
  }
  // Speed praised beside a long wait ("nhanh ghê, 45 phút là có rồi"): sarcasm too.
  if (facts.waited && speed > 0) sum -= 2 * speed
  if (sum === 0) return 0
  return Math.round((sum / Math.sqrt(sum * sum + ALPHA)) * 1000) / 1000
}
