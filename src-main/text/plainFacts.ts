/**
 * Fifth round of issue 15: the shapes a complaint takes when it is told as a plain fact in a feedback
 * box, with no word of feeling in it. Four families, each counted once per comment:
 * - **an expectation broken**: something promised, said or advertised and then not so ("promised a
 *   refund but…", "supposed to be non-smoking", *hẹn … mà*, *โฆษณาว่า … แต่*), a time promised and a
 *   later one kept ("by 6pm … turned up at 9"), nobody or never + a service verb ("nobody called
 *   back", "never mentioned", *không ai bắt máy*, *không hề báo*, *ไม่มีใครรับสาย*, *ไม่แจ้ง*), "still
 *   waiting", "even though I paid", having to do it oneself ("had to carry our bags", "ended up paying",
 *   *phải tự*, *จำใจ*), a fault that keeps happening ("keeps crashing"), an excuse or blame ("blamed
 *   us", *đổ lỗi*, *อ้างว่า*), leaving for another ("I'm switching clinics");
 * - **a quantity gone wrong**: charged for what was never ordered (*món không gọi*, *ที่ไม่ได้สั่ง*),
 *   a fee added or more asked for ("added a service fee", "on top of the meter", *เรียกเพิ่ม*), less
 *   than paid for or ordered ("short-changed", "lasted barely", *nạp 100k mà chỉ cộng 50k*, *สั่งสอง
 *   แก้ว ได้แก้วเดียว*, *ได้แค่*);
 * - **a time told as a wait**: a length of time and then "still not" ("three days and still no
 *   reply", *3 tuần vẫn chưa*, *สามอาทิตย์แล้วยังไม่*), "N minutes late", "down for two days",
 *   *chờ mãi*, *เสียมาเป็นเดือนแล้ว*;
 * - **a problem named as a thing**: a stain, a hair, a crack, a mark, mould, ants, a smell
 *   ("found a hair in", "left marks all over", *vết trầy*, *có mùi*, *มีรอย*, *ขึ้นรา*, *มีกลิ่น*).
 *
 * Neutral stays neutral: a match inside a question or a request adds nothing, nor one denied ("no
 * stains", "never had to wait", *không có mùi*, *ไม่มีรอย*) or put right ("got the stain out"), and a
 * plain schedule ("open until 10pm", "delivery takes 2 days?") has none of these shapes.
 *
 * Written from everyday English, Vietnamese and Thai customer language, not from any sample; each
 * mechanism has unit cases of its own (tests/unit/text/sentimentRound5.test.ts). The text comes
 * lower-cased. Every family is looked for only when a word it cannot do without is present.
 */

const EXPECTATION_WEIGHT = -1.5
const QUANTITY_WEIGHT = -1.5
const WAIT_WEIGHT = -1.5
const DEFECT_WEIGHT = -1.5
const CHORE_WEIGHT = -1.2
const ELSEWHERE_WEIGHT = -2

/** A span of the text (start, end). */
export type Span = [number, number]

export interface PlainFacts {
  weight: number
  /** A wait was told (for speed praised beside it: sarcasm). */
  waited: boolean
  /** What was promised or advertised before it was broken ("advertised as 'fast wifi' but"): a claim, not praise. */
  claims: Span[]
}

/** Where the sentence holding `at` ends, and whether it is asked ("…?") or requested ("please …"). */
const SENTENCE_END = /[.!?？\n]/g
const EN_REQUEST = /^\s*(?:could|can|would|will|is|are|do|does|did|should|shall|may|how|what|when|where|which|any)\b|\b(?:please|pls|plz|kindly)\b/
const VI_REQUEST = /(?:^|[^\p{L}])(?:làm ơn|nhờ|giúp|giùm|dùm|cho (?:em|mình|tôi) hỏi|có .{1,30} không(?: ạ| vậy| nhỉ)?\s*$|không ạ|chưa ạ|được không)(?![\p{L}])/u
const TH_QUESTION_OR_REQUEST = /ไหม|มั้ย|มั๊ย|หรือเปล่า|รึเปล่า|หรือยัง|รึยัง|หรือไม่|ได้ไหม|รบกวน|ฝาก|กรุณา|(?:ช่วย|ขอ)\S{0,20}(?:ด้วย|หน่อย)/
function sentenceAround(text: string, at: number): string {
  let start = 0
  for (let k = at - 1; k >= 0; k--)
    if ('.!?？\n'.includes(text[k])) {
      start = k + 1
      break
    }
  SENTENCE_END.lastIndex = at
  const m = SENTENCE_END.exec(text)
  return text.slice(start, m ? m.index + 1 : text.length)
}
/** Whether a match at `at` asks or requests rather than tells. */
export function askedAt(text: string, at: number, language: string): boolean {
  const s = sentenceAround(text, at)
  // "Why did nobody call back?" asks nothing: it complains.
  if (/[?？]\s*$/.test(s) && !/^\s*(?:why|how come|tại sao|sao|vì sao|ทำไม)/.test(s)) return true
  if (language === 'th') {
    // Thai marks no sentence: the clauses around it (a question particle may come before or after).
    return TH_QUESTION_OR_REQUEST.test(text.slice(Math.max(0, at - 40), at + 60))
  }
  return (language === 'vi' ? VI_REQUEST : EN_REQUEST).test(s.replace(/[.!?？\n]+$/, ''))
}
/** The first match of `re` (global or not) that is told, not asked: its index, or −1. */
const globals = new Map<RegExp, RegExp>()
function told(text: string, re: RegExp, language: string, ok: (m: RegExpExecArray) => boolean = () => true): RegExpExecArray | null {
  let g = re.global ? re : globals.get(re)
  if (!g) globals.set(re, (g = new RegExp(re.source, `${re.flags}g`)))
  g.lastIndex = 0
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (m[0] === '') g.lastIndex++
    if (ok(m) && !askedAt(text, m.index, language)) return m
  }
  return null
}

/**
 * Cues: one scan of the comment finds every word a family cannot do without and sets that family's
 * bit; the families whose bit is clear are not looked for (one pass instead of one per family). A cue
 * found inside a longer one ("not" in "nothing") sets the longer one's bits too.
 */
class Cues {
  private table: Array<[number, readonly string[]]> = []
  private bits = new Map<string, number>()
  private scan: RegExp | null = null
  add(words: readonly string[]): number {
    const bit = 1 << this.table.length
    if (this.table.length >= 30) throw new Error('too many cue families')
    this.table.push([bit, words])
    return bit
  }
  of(text: string): number {
    if (!this.scan) {
      const all = [...new Set(this.table.flatMap(([, ws]) => ws))].sort((a, b) => b.length - a.length)
      for (const c of all) {
        let bits = 0
        for (const [bit, ws] of this.table) if (ws.some((w) => c.includes(w))) bits |= bit
        this.bits.set(c, bits)
      }
      this.scan = new RegExp(all.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g')
    }
    let bits = 0
    this.scan.lastIndex = 0
    // Cues may overlap ("บอกว่า" holds the start of "ว่าเป็น"): the scan goes on from the next letter.
    for (let m = this.scan.exec(text); m; m = this.scan.exec(text)) {
      bits |= this.bits.get(m[0]) ?? 0
      this.scan.lastIndex = m.index + 1
    }
    return bits
  }
}
/** English cues are whole words (a Map lookup per word is cheaper than a scan for each): a phrase is cued by one of its words. */
class WordCues {
  private map = new Map<string, number>()
  private count = 0
  add(words: readonly string[]): number {
    const bit = 1 << this.count++
    for (const w of words) this.map.set(w, (this.map.get(w) ?? 0) | bit)
    return bit
  }
  of(text: string): number {
    let bits = 0
    let start = -1
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 0
      if (c >= 97 && c <= 122) {
        if (start < 0) start = i
      } else if (start >= 0) {
        if (i - start >= 2) bits |= this.map.get(text.slice(start, i)) ?? 0
        start = -1
      }
    }
    return bits
  }
}
const EN_CUES = new WordCues()
const VI_CUES = new Cues()
const TH_CUES = new Cues()
const enCue = (words: readonly string[]) => EN_CUES.add(words)

// ——— Numbers and lengths of time ———————————————————————————————————————————————————————————
const EN_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, several: 3, few: 3, couple: 2, half: 0.5,
}
const VI_NUMBERS: Record<string, number> = {
  một: 1, mot: 1, hai: 2, ba: 3, bốn: 4, bon: 4, năm: 5, nam: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10, muoi: 10,
  nửa: 0.5, mấy: 3, vài: 3, cả: 1, ca: 1, nhiều: 3, nhieu: 3,
}
const TH_NUMBERS: Record<string, number> = {
  หนึ่ง: 1, เดียว: 1, สอง: 2, สาม: 3, สี่: 4, ห้า: 5, หก: 6, เจ็ด: 7, แปด: 8, เก้า: 9, สิบ: 10, ครึ่ง: 0.5, หลาย: 3, เป็น: 1, ตั้ง: 1,
}
const numberOf = (s: string | undefined, words: Record<string, number>) => {
  if (s === undefined) return 1
  const n = Number(s.replace(',', '.'))
  return Number.isFinite(n) ? n : (words[s.trim().replace(/^a /, '').replace(/ (?:of|an?)$/, '')] ?? 1)
}
function minutesIn(unit: string): number {
  if (/^(?:min|phút|phut|นาที)/.test(unit)) return 1
  if (/^(?:h|tiếng|tieng|giờ|gio|ชั่วโมง|ชม)/.test(unit)) return 60
  if (/^(?:buổi|buoi)/.test(unit)) return 240
  if (/^(?:day|night|ngày|ngay|hôm|hom|đêm|วัน|คืน)/.test(unit)) return 1440
  if (/^(?:week|tuần|tuan|อาทิตย์|สัปดาห์)/.test(unit)) return 10080
  if (/^(?:month|tháng|thang|เดือน)/.test(unit)) return 43200
  return 0
}
const EN_NUM = String.raw`(\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a few|a couple of|half an?)`
const EN_UNIT = String.raw`(min(?:ute)?s?|hours?|hrs?|days?|nights?|weeks?|months?)`
const VI_NUM = String.raw`(\d+(?:[.,]\d+)?|một|mot|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nửa|mấy|vài|cả|nhiều)`
const VI_UNIT = String.raw`(phút|phut|tiếng|tieng|giờ|gio|buổi|ngày|ngay|hôm|đêm|tuần|tuan|tháng|thang)`
const TH_NUM = String.raw`(\d+(?:[.,]\d+)?|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ครึ่ง|หลาย|เป็น|ตั้ง)`
const TH_UNIT = String.raw`(นาที|ชั่วโมง|ชม\.?|วัน|คืน|อาทิตย์|สัปดาห์|เดือน)`

// ——— An expectation broken ————————————————————————————————————————————————————————————————
/** Said, promised or advertised, then not so: the promise, and within the sentence or the next a turn. */
const EN_PROMISE = /\b(?:promised|promises|was told|were told|told (?:us|me)|(?:he|she|they|staff|seller|driver|courier|agent|owner|manager|guide|host|receptionist|technician) (?:said|says)|said (?:he|she|they|it) (?:would|will|could)|(?:website|site|ad|advert|listing|menu|sign|app|page|booking|ticket|receipt|confirmation|email|photos?|pictures?) (?:said|says|stated|showed|promised|claimed)|advertised|advertises|claimed|claims|guaranteed|assured (?:us|me)|quoted (?:us|me))\b([^!?]{0,90}?)\b(but|yet|still|instead|actually|in fact|in reality|turned out|turns out|never|nobody|no one|nothing|did not|was not|were not|has not|have not|is not|will not|does not|had no|there was no|there were no|there is no|no such)\b/
/** A turn that needs a clause of its own: in "told me I did not need it" the negation is what was said. */
const EN_TURN_OWN_CLAUSE = /^(?:never|nobody|no one|nothing|did not|was not|were not|has not|have not|is not|will not|does not|had no|there was no|there were no|there is no|no such)$/
/** "Supposed to" as a fact ("was supposed to arrive Monday", "it's supposed to be non-smoking"), not an instruction. */
const EN_SUPPOSED = /\b(?:supposed|meant) to\b/
const EN_INSTRUCTED = /\b(?:you|you re|you are|are we|am i|are you|is it|what|how|which|when)\s+(?:\w+\s+)?(?:supposed|meant) to\b/
/** Having given more than was asked for: the turn after a promise is praise. */
const EN_OVERDELIVERED = /\bin (?:just |only |under )?(?:\d+|an?|one|two|three|half)\b|\b(?:early|earlier|sooner|faster|quicker|better|cheaper|less|ahead|exceeded|free|on the house|no problem|no charge|no extra|worries|fuss|within|under)\b/
/** Nobody, never or not + a service verb: "nobody called back", "never mentioned", "didn't even apologise". */
const EN_NOBODY = /\b(?:never|nobody|no one|no-one|noone|not once|did not|was not|were not|has not|have not|had not|stopped|failed to|refused to)\s+(?:even\s+|ever\s+|once\s+|actually\s+|properly\s+|bother(?:ed)? to\s+|bothering to\s+)?(answer(?:ed|ing|s)?|repl(?:ied|y|ying)|respond(?:ed|ing)?|call(?:ed|ing)? (?:us |me )?back|c[ao]me|coming|show(?:ed)? up|showing up|turn(?:ed)? up|mention(?:ed|ing)?|tell(?:ing)?|told|inform(?:ed|ing)?|notif(?:y|ied)|warn(?:ed|ing)?|explain(?:ed)?|apologi[sz]e(?:d)?|offer(?:ed)?|pick(?:ed|ing)? up|follow(?:ed)? up|g[eo]t back|refund(?:ed)?|credit(?:ed)?|called|fix(?:ed)?|arrive(?:d)?|deliver(?:ed)?|contact(?:ed)?|acknowledge(?:d)?|update(?:d)?|return(?:ed)? (?:my|our|the)|check(?:ed)? (?:in|on)|clean(?:ed)?|honou?r(?:ed)?|ship(?:ped)?|sen[dt]|reply)\b(?!\s+(?:across|close|cheap|easy|better|bad|wrong|late))/
/** "Still waiting", "still no reply", "still hasn't": not when undecided or with nothing wrong ("still no complaints"). */
const EN_STILL = /\bstill\s+(?:waiting|no\b|not\b|nothing|has not|have not|is not|does not|will not|cannot|can not|charging|broken|missing|leaking|leaks|smells|the same problem|the same issue|hasn t|haven t)(?!\s+(?:sure|decided|complaints?|regrets?|problems?|issues?|faults?|idea|bad|disappointed))/
/** "Even though I paid", "despite having booked": done, and yet. */
const EN_EVEN_THOUGH = /\b(?:even though|even after|despite)\s+(?:i|we|having|i d|we d|i ve|we ve|it s|it is|it was|they|the \w+)?\s*(?:had\s+|have\s+|already\s+|clearly\s+|specifically\s+|been\s+)*(?:paid|cancel(?:l)?ed|cancel(?:l)?ing|booked|booking|asked|asking|told|telling|ordered|reminded|explained|confirmed|complained|complaining|requested|prepaid|supposed|paying|showing)\b|\b(?:even though|despite)\s+(?:i|we|having)\s+(?:had\s+|have\s+)?(?:a |an |the |our |my )?(?:reservation|booking|ticket|appointment|voucher|receipt|warranty)\b/
/** Having to do it oneself, or for nothing: "had to carry our bags", "ended up paying twice". */
const EN_HAD_TO = /\b(?:had|have|having) to\s+(?:\w+\s+)?(?:go|come|walk|drive|ask|call|chase|remind|repeat|explain|wait|send|return|fix|do|pay|redo|complain|beg|find|fetch|carry|buy|bring|use|take|tether|flag|wave|clean|stand|queue|sort|ring|phone|message|email|text|look for|hunt|borrow|hire|cancel|leave|get up|get it|get them|get our|get my|dispute|report|print|book another|throw)\b/
const EN_NOT_HAD_TO = /\b(?:never|not|no|did not|don t|didn t|without)\s+(?:\w+\s+)?(?:had|have|having) to\b/
const EN_ENDED_UP = /\bended up\s+(?:paying|tethering|using my own|using our own|calling|walking|taking a taxi|taking a grab|taking a cab|cancel(?:l)?ing|leaving|eating elsewhere|sleeping|waiting|driving|throwing|fixing|doing it|losing|missing|buying another|buying a new|going elsewhere|going somewhere else|getting a refund|disputing)\b/
/** A fault that keeps happening: "keeps crashing", "kept cancelling on us". */
const EN_KEEPS = /\b(?:keeps|kept|keep)\s+(?:on\s+)?(?:crashing|freezing|logging|charging|cancel(?:l)?ing|saying|telling|asking|changing|postponing|dropping|disconnecting|breaking|leaking|failing|happening|renewing|auto-renewing|billing|sending|pushing|rescheduling|delaying|ignoring|losing|forgetting|blaming|promising|shutting|turning off|cutting out|buffering|lagging|beeping|flickering|tripping|overcharging|spamming|calling me|texting me|moving the|going off|coming back (?:with|broken|wrong))\b/
/** An excuse or the blame put on the customer: "blamed us", "said it was my fault". */
const EN_BLAME = /\b(?:blamed|blames|blaming)\s+(?:us|me|it on|the customer|my|our)|\b(?:said|says|told (?:me|us)|claimed|insisted)\s+(?:that\s+)?it\s+(?:was|is)\s+(?:my|our)\s+(?:fault|problem|mistake)|\bmade excuses\b|\bmy fault\b(?!\s+(?:for|not))/
/** Leaving for another: "I'm switching clinics", "taking my business elsewhere". */
const EN_ELSEWHERE = /\b(?:switch(?:ing|ed)?|chang(?:ing|ed)|mov(?:ing|ed))\s+(?:to\s+)?(?:another\s+|a different\s+|other\s+)?(?:clinics|banks|gyms|providers|dentists|salons|shops|laundries|schools|companies|carriers|networks|hotels|garages|pharmacies|cafes|apps|restaurants|agencies|operators|services)\b|\b(?:take|taking|took)\s+(?:my|our)\s+(?:business|money|custom)\s+elsewhere\b|\b(?:go|going|went|order|ordering|eat|eating)\s+(?:somewhere else|elsewhere)\b/
/** Leaving for good, told plainly: "won't be ordering from them again", "not coming back". */
const EN_LEAVING = /\b(?:will not|wo not|would not|not|never)\s+(?:be\s+)?(?:coming back|returning|going back|be back|recommending (?:this|them|it|the|you))\b|\b(?:will not|wo not|would not|not|never)\s+(?:be\s+)?(?:ordering|buying|using|booking|staying|shopping|eating|visiting|coming)\b[^.!?]{0,30}?\b(?:again|anymore|any more|from (?:this|them|here|there|you)|with (?:this|them|you))\b|\blast time (?:i m |i am |we re |we are |i ll |i will |i |we )(?:ordering|buying|coming|using|booking|eating|staying|shopping|order|buy|come|use|book|eat|stay|shop) (?:from|here|at|with|there)\b/
/** A time promised and a later one kept: "promised by 6pm … turned up at 9", "leaves at 8, actually leaves at 9:30". */
const EN_CLOCK = /\b(?:by|before|at|for|until|till|around|about|from)\s+(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\d:])|\b(\d{1,2})[:.](\d{2})\s*(am|pm)?\b|\b(\d{1,2})\s*(am|pm)\b|\b(noon|midday)\b/g
/** A time of day written as one: "9:30", "6pm", "noon" (a promise and its breach need at least one). */
const EN_CLOCK_CUE = /\d[:.]\d\d|\d\s*(?:am|pm)\b|noon|midday/
const EN_PROMISED_TIME = /(?:promised|by|before|booked|appointment|scheduled|supposed|leaves at|leave at|depart|pick ?up|pickup|ready|said|told|ticket|meant|due|confirmed|reservation|reserved|arrive at|come at|coming at|start)\b[^.!?]{0,30}$/
const EN_KEPT_TIME = /(?:seated|called in|taken in|let in|checked in|arrived|turned up|came|showed up|got there|got here|delivered|left|leaves|departed|actually|seen|served|ready|finally|only|eventually|started|picked|until|till|after|delivery at|it was)\b[^.!?,]{0,25}$/

const VI_PROMISE = /(?:^|[^\p{L}])(?:hẹn(?! gặp)|hứa|nói là|bảo là|nói sẽ|bảo sẽ|báo là|ghi là|quảng cáo|cam kết|đăng là|tư vấn là|giới thiệu là|xác nhận|hen(?! gap)|hua|quang cao|cam ket)(?![\p{L}])([^!?]{1,70}?)(?:^|[^\p{L}])(?:mà|nhưng|vẫn|thực tế|hóa ra|hoá ra|rốt cuộc|cuối cùng|toàn|chỉ có|chỉ là|ma|nhung|van|hoa ra|toan)(?![\p{L}])/u
const VI_OVERDELIVERED = /sớm|nhanh hơn|trước hẹn|đúng hẹn|đúng như|tốt hơn|rẻ hơn|hơn cả|hơn mong|còn hơn|ngon hơn|đúng giờ|miễn phí|không lấy|không tính/u
/** Nobody + a service verb: "không ai bắt máy", "chưa ai tới sửa", "ko có ai hướng dẫn". */
const VI_NOBODY = /(?:^|[^\p{L}])(?:không|chẳng|chả|chưa|ko|k|khong|chua)\s+(?:có\s+|co\s+)?ai\s+(?:\p{L}+\s+)?(?:nghe|bắt máy|trả lời|rep|tới|đến|sửa|báo|nhắn|gọi|xử lý|quan tâm|hỏi|giải thích|xin lỗi|ra|phục vụ|dọn|hướng dẫn|đón|hỗ trợ|liên lạc|để ý|ngó|tiếp|nghe máy|bat may|tra loi|toi|den|sua|bao|nhan|goi|xu ly|quan tam|ho tro)(?![\p{L}])(?!\s+(?:giờ|gio|nhiêu|nhieu))/u
/** Not told: "không hề báo", "chưa thông báo", "không nói một câu", "không xin lỗi". */
const VI_NOT_TOLD = /(?:^|[^\p{L}])(?:không|chẳng|chả|chưa|ko|k|khong|chua)\s+(?:hề\s+|he\s+|thèm\s+|them\s+)?(?:báo|thông báo|nhắn|xin lỗi|giải thích|hướng dẫn|nói (?:một|1) (?:câu|tiếng|lời)|nói gì|nói trước|nói tiếng nào|bao(?!\s+(?:giờ|gio|nhiêu|nhieu|lâu|lau))|thong bao|xin loi|giai thich)(?![\p{L}])/u
const VI_NOT_TOLD_OK = /(?:không|ko|chẳng)\s+(?:cần|phải)\s+(?:báo|nhắn)|báo (?:giá|thức)/u
/** Having to do it oneself, having no choice: "phải tự mang lên", "đành đi về", "bắt khách chờ". */
const VI_CHORE = /(?:^|[^\p{L}])(?:phải tự|tự phải|đành phải|đành|bắt khách|bắt mình|bắt em|bắt tôi|bắt chờ|bắt đợi|phai tu|danh phai)\s+\p{L}/u
const VI_NOT_CHORE = /(?:không|chẳng|ko|khỏi)\s+(?:phải tự|cần tự|bắt)/u
/** An excuse, or the blame put on the customer: "đổ lỗi cho khách", "bảo tại đồ của khách", "viện cớ". */
const VI_BLAME = /(?:^|[^\p{L}])(?:đổ lỗi|đổ thừa|đổ tại|bảo tại|nói tại|bảo là do|nói là do|viện cớ|viện lý do|lấy lý do|lấy cớ|đổ cho|tại khách|lỗi của khách|do lỗi của (?:mình|em|khách))(?![\p{L}])/u
/** "Dù đã trả trước", "mặc dù đã báo": done, and yet. */
/** Leaving for good: "lần cuối mua ở đây", "không quay lại nữa", "xin chừa". */
const VI_LEAVING = /(?:^|[^\p{L}])(?:lần cuối (?:mua|ăn|đặt|ghé|đi|dùng|ở|order|book|tới|đến|uống|sửa|gửi|làm)(?!(?:\s+\p{L}+){0,4}?\s+(?:là|thì|cách đây|hồi))|không bao giờ (?:quay lại|mua|ăn|đặt|ghé|đi|dùng|tới|đến|uống)|(?:không|ko|chẳng|k)\s+(?:quay lại|mua lại|ghé lại|đặt lại|ủng hộ|ghé|mua|đặt)\s+(?:\p{L}+\s+){0,3}?(?:nữa|lần nào nữa)|xin chừa|cạch mặt|cạch tới già)(?![\p{L}])/u
const VI_EVEN_THOUGH = /(?:^|[^\p{L}])(?:dù|mặc dù|trong khi|du|mac du)\s+(?:\p{L}+\s+){0,2}?(?:đã|da|có)\s+(?:\p{L}+\s+)?(?:trả|thanh toán|đặt|báo|dặn|nhắc|hủy|huỷ|chuyển khoản|ck|cọc|book|tra|thanh toan|dat|dan|nhac|huy)(?![\p{L}])/u

const TH_PROMISE = /(?:บอกว่า|สัญญาว่า|โฆษณาว่า|แจ้งว่า|รับปากว่า|เขียนว่า|ประกาศว่า|รับประกันว่า|การันตี|ในรูป|หน้าเพจบอก|ในเพจบอก|รีวิวบอก)([^\n]{0,70}?)(?:แต่|ก็ยัง|ยังไม่|ไม่เห็น|ที่ไหนได้|ปรากฏว่า|กลายเป็น|สรุปคือ|สรุปไม่)/
const TH_OVERDELIVERED = /เร็วกว่า|ก่อนกำหนด|ดีกว่า|ถูกกว่า|เกินคาด|ตรงปก|ตรงตาม|จริงตามที่|ไม่ผิด|ไม่เว่อร์|ฟรี/
/** Nobody, or not told: "ไม่มีใครรับสาย", "ไม่แจ้ง", "ไม่เห็นบอก", "ไม่บอกสักคำ". */
const TH_NOBODY = /ไม่มี(?:ใคร|คน)(?:มา)?(?:รับ|ตอบ|มา|แจ้ง|บอก|ซ่อม|สนใจ|ดูแล|เก็บ|ช่วย|โทร|ติดต่อ|อ่าน|แก้|ทำ|เช็ค|เปิด|ออกมา)|ไม่(?:ได้|เคย|ยอม|คิดจะ)*(?:บอก|แจ้ง|เตือน|อธิบาย|ขอโทษ|โทรกลับ|ติดต่อกลับ|ตอบกลับ)|ไม่เห็น(?:แจ้ง|บอก|ตอบ)|ไม่มีการ(?:แจ้ง|ชี้แจง)|เลิกตอบ|หยุดตอบ/
const TH_NOBODY_OK = /ไม่ต้อง(?:บอก|แจ้ง|โทร)|ไม่บอกก็รู้|ไม่ได้บอกว่า(?:ไม่)?(?:ดี|อร่อย)/
/** Still not done: "ยังไม่ได้รับ", "ยังไม่มีใครซ่อม", "ยังไม่คืนเงิน" (not "ยังไม่ได้ลอง", not tried yet). */
const TH_STILL_NOT = /ยัง(?:ไม่|ไม่ได้|ไม่มีใคร|ไม่มีคน)(?:ได้)?(?:รับ|ของ|เงิน|คืน|คำตอบ|มา|ตอบ|ซ่อม|ส่ง|แก้|ติดต่อ|เข้า|ถึง|ชุด|สินค้า|อ่าน|เย็น|หาย|ทำ|เสร็จ|ติด|ใช้ได้|คืบ)/
/** Having no choice: "จำใจจ่าย", "สุดท้ายต้องไปซื้อเอง", "ต้องจ่ายเพิ่ม". */
const TH_CHORE = /จำใจ|สุดท้ายต้อง|ต้องจ่ายเพิ่ม|ต้องเสียเงินเพิ่ม|ต้องเสียค่า|ต้องแก้เอง|ต้องทำเอง|ต้องหอบ|ต้องแบก|ต้องยก/
/** An excuse, or the blame put on the customer: "อ้างว่ารถติด", "บอกว่าเป็นที่เราเอง", "โทษลูกค้า". */
const TH_BLAME = /อ้างว่า|โทษลูกค้า|โทษว่า|โยนความผิด|ปัดความรับผิดชอบ|(?:บอก|โทษ)ว่า(?:เป็น)?(?:ที่|ความผิด)(?:ของ)?(?:เรา|ลูกค้า|เสื้อ|ของ)/
/** "ทั้งที่จ่ายแล้ว", "ทั้งๆ ที่เป็นห้องปลอดบุหรี่": despite what was paid for or promised. */
const TH_EVEN_THOUGH = /ทั้ง(?:ๆ)?\s*ที่\s*(?:เป็น|จ่าย|บอก|แจ้ง|จอง|สั่ง|โอน|ชำระ|ยกเลิก|เคย|ได้|มี|ก็|ป้าย|เขียน)/
/** Leaving for good: "ไม่สั่งร้านนี้อีกแล้ว", "ครั้งสุดท้ายที่มา", "เลิกอุดหนุน" (not "ไม่ต้องไปอีก", no need to go again). */
const TH_LEAVING = /ไม่(?:สั่ง|มา|ซื้อ|ใช้|ไป|กลับไป|กลับมา|จอง|อุดหนุน|แวะ|กิน|ใช้บริการ)[\u0e00-\u0e7f]{0,12}?อีก(?:แล้ว|ต่อไป|เด็ดขาด|เลย)|ครั้งสุดท้าย(?:ที่)?(?:สั่ง|มา|ซื้อ|ใช้|กิน|จอง)|เลิก(?:สั่ง|ซื้อ|ใช้|อุดหนุน|กิน)/
/** Paid and not credited: "เงินไม่เข้า", "ยอดยังไม่ขึ้น". */
const TH_NOT_CREDITED = /(?:เงิน|ยอด|แต้ม|เครดิต|พอยท์|พัสดุ)(?:ใน[\u0e00-\u0e7f]{0,8}|ก็)?(?:ยัง)?ไม่(?:เข้า|ขึ้น|ถึง)/
/** A Thai promise of a time: the times after it (complaintPatterns reads "นัด"). */
export const TH_PROMISED_TIME = /บอกว่า|สัญญา|แจ้งว่า|รับปาก|จะส่ง|ส่งก่อน|ภายใน|ออกตอน|ออกเวลา|จะมาตอน|จะมา/

// ——— A quantity gone wrong ————————————————————————————————————————————————————————————————
/** Charged for what was never ordered: "items we never ordered", "drinks I didn't have". */
const EN_NOT_ORDERED = /\b(?:i|we|he|she|they)\s+(?:never|did not|had not|have not)\s+(?:even\s+)?(?:order(?:ed)?|ask(?:ed)? for|request(?:ed)?|book(?:ed)?|sign(?:ed)? up for|agree(?:d)? to|authori[sz]e(?:d)?|use(?:d)?|consume(?:d)?|had|have|drank|drink|ate|eat|touch(?:ed)?|open(?:ed)?|did|do|done|provide(?:d)?|perform(?:ed)?|receive(?:d)?|get|got)\b(?!\s+to\b)/
const EN_MONEY = /charg|bill|fee|paid|pay|invoice|receipt|account|card|deduct|taken|took|added|price|cost|total|tab/
const EN_FREE = /\bfree\b|on the house|complimentary|no charge|didn t charge|did not charge|waived/
/** A fee added, or more asked for: "added a cleaning fee", "on top of the meter", "asked for a tip". */
const EN_FEE = /\b(?:added|adding|adds|slapped on|tacked on|snuck in|sneaked in|charged (?:us |me )?(?:for )?(?:an? )?(?:extra|additional|hidden))\s+(?:a\s+|an\s+|another\s+|some\s+|their\s+|the\s+|extra\s+|hidden\s+|mystery\s+|surprise\s+)*(?:[\w']+\s+){0,2}?(?:fee|fees|charge|charges|surcharge|tax|tip|deposit|cost)\b|\bon top of (?:the|that|our|my|what|their)\s*(?:\w+\s+)?(?:meter|fare|price|bill|quote|quoted|total|agreed|rate|cost|fee|ticket|we|i)\b|(?<!\b(?:i|we)\s)\b(?:asked|demanded|wanted|tried to get|insisted on)\s+(?:us |me )?(?:for )?(?:a |an )?(?:extra|more money|another \d|additional|tip|'tip'|a tip|cash)\b/
const EN_SELF = /\b(?:i|we)\s+(?:\w+\s+)?(?:added|asked|wanted|adding)\b/
/** Less than paid for: "short-changed", "lasted barely an hour", "only got three". */
const EN_SHORT = /\bshort[- ]?chang(?:ed|ing)|\bshortchanged|\bshort by\b|\bwrong change\b|\b(?:\d+|one|two|three|four|five|a few|several)\s*(?:k|baht|dollars?|items?|pieces?|bags?|boxes?|bottles?|cans?)?\s+short\b|\bless than (?:i|we) (?:paid|ordered|asked|were promised|was promised|booked)|\b(?:only|barely)\s+(?:got|gave|received|lasted|credited|came with|included|sent|delivered|filled|counted|put)\b(?!\s+(?:better|more|bigger|nicer))|\blasted\s+(?:only|barely|just|less than|under)\b|\bonly\s+(?:one|two|three|half|\d+|a few|some)\s+(?:of (?:them|the \w+|our \w+)\s+)?(?:came|arrived|showed up|turned up|were delivered|was delivered|were there|was there)\b/
const VI_NOT_ORDERED = /(?:^|[^\p{L}])(?:không|chưa|ko|k|chẳng|khong)\s+(?:hề\s+)?(?:gọi|đặt|order|kêu|dùng|mua|xài|sử dụng|yêu cầu|goi|dat|keu|dung|xai)(?![\p{L}])(?!\s+(?:thêm|them))/u
const VI_NOT_ORDERED_CUE = /(?:không|chưa|ko|k|chẳng|khong)\s+(?:hề\s+)?(?:gọi|đặt|order|kêu|dùng|mua|xài|sử dụng|yêu cầu|goi|dat|keu|dung|xai)/u
const VI_MONEY = /tính|thu|bill|hóa đơn|hoá đơn|cộng|trừ|tinh|hoa don|tiền/u
const VI_FEE = /(?:^|[^\p{L}])(?:làm tròn lên|chém|đòi thêm|thu thêm|tính thêm|bắt trả thêm|phụ thu|phụ phí|tính dư|thu dư|tính lố|thu lố|lam tron len|doi them|thu them|tinh them)(?![\p{L}])/u
const VI_FEE_OK = /(?:không|ko|chẳng|chưa)\s+(?:hề\s+)?(?:có\s+)?(?:đòi|thu|tính|bắt|phụ|làm tròn)/u
const TH_NOT_ORDERED = /ที่ไม่ได้(?:สั่ง|ใช้|ขอ|จอง|กิน|ดื่ม|เอา|ซื้อ)|(?:ไม่ได้สั่ง|ไม่ได้ใช้)(?:\S{0,6})?(?:แต่|ก็)(?:โดน|คิด|เก็บ|ชาร์จ)/
const TH_FEE = /(?:เรียก|เก็บ|คิด|ชาร์จ|บวก|หัก|ตัด)(?:เงิน|ค่า[\u0e00-\u0e7f]{0,15}?)?\s*(?:เพิ่ม|เกิน|ซ้ำ)/
const TH_FEE_OK = /ไม่(?:ได้|มี|เคย)?(?:การ)?(?:เรียก|เก็บ|คิด|ชาร์จ|บวก|หัก|ตัด)/
/** Only got, only gave: "ได้แค่ชั่วโมงเดียว", "ให้มาแค่ครึ่งเดียว". */
const TH_SHORT = /(?:ได้|ให้)(?:มา)?[\u0e00-\u0e7f]{0,6}?(?:แค่|เพียง)|ขาดไป|ทอน(?:ขาด|ผิด|ไม่ครบ)|ไม่ครบ/

/** A price stated, then a higher one charged: "menu says 50k, charged 80k", "ghi giá 200k, tính 350k", "ป้ายบอก 50 คิดจริง 80". */
const EN_PRICE_STATED = /\b(?:menu|price tag|tag|website|site|listing|listed|quoted|quote|advertised|sign|board|app|label|shelf|poster)\b[^.!?]{0,25}?(\d+(?:[.,]\d+)?)\s*(k|baht|thb|vnd|dong|usd|dollars?|\$)?[^!?]{0,50}?\b(?:charged|billed|paid|asked for|took|wanted|demanded|rang up|came to|total was|bill was|made us pay)\b\s*(?:me |us )?(?:for\s+)?(?:\w+\s+){0,2}?(\d+(?:[.,]\d+)?)\s*(k|baht|thb|vnd|dong|usd|dollars?|\$)?/
const EN_PRICE_CUE = /\b(?:menu|tag|website|site|listing|listed|quoted|quote|advertised|sign|board|app|label|shelf|poster)\b/
const VI_PRICE_STATED = /(?:ghi|báo giá|niêm yết|menu|web|quảng cáo|nói|bảng giá|giá trên|ghi giá|bao gia|niem yet)[^.!?\d]{0,20}?(\d+(?:[.,]\d+)?)\s*(k|nghìn|ngàn|đ|tr|triệu)?[^!?]{0,50}?(?:tính|thu|lấy|bắt trả|đòi|tinh|lay|doi)\s+(?:\p{L}+\s+){0,2}?(\d+(?:[.,]\d+)?)\s*(k|nghìn|ngàn|đ|tr|triệu)?/u
const TH_PRICE_STATED = /(?:ป้าย|เมนู|หน้าเพจ|แจ้ง|บอก|โฆษณา|ราคาหน้าร้าน|ในแอป)[^\n\d]{0,20}?(\d+(?:[.,]\d+)?)\s*(บาท)?[^\n]{0,40}?(?:คิด|เก็บ|จ่ายจริง|เรียก|ชาร์จ|โดน)[\u0e00-\u0e7f\s]{0,12}?(\d+(?:[.,]\d+)?)\s*(บาท)?/
const higher = (m: RegExpExecArray) => Number(m[3].replace(',', '.')) > Number(m[1].replace(',', '.')) && (m[2] === m[4] || m[2] === undefined || m[4] === undefined)

/** Amount paid or ordered, then a smaller one got: "nạp 100k mà chỉ cộng 50k", "สั่งสองแก้ว ได้มาแก้วเดียว". */
const VI_PAID_GOT = new RegExp(String.raw`(?:^|[^\p{L}])(?:nạp|trả|chuyển|đóng|thanh toán|đặt|gọi|mua|order|kêu|book|nap|tra|chuyen|dong|dat|goi)\s+(?:\p{L}+\s+){0,3}?${VI_NUM}\s*(k|nghìn|ngàn|đ|tr|triệu|ly|cốc|phần|suất|hộp|cái|chiếc|món|tô|bát|chai|lon|phút|tiếng|buổi|đêm|ngày|kg|ký)(?![\p{L}])([^.!?]{1,60}?)(?:chỉ|chi|có|mới|được)\s+(?:\p{L}+\s+){0,2}?${VI_NUM}\s*(k|nghìn|ngàn|đ|tr|triệu|ly|cốc|phần|suất|hộp|cái|chiếc|món|tô|bát|chai|lon|phút|tiếng|buổi|đêm|ngày|kg|ký)(?![\p{L}])`, 'u')
const TH_CLASSIFIER = String.raw`(แก้ว|ที่|ชิ้น|กล่อง|อัน|ชุด|ถุง|จาน|ขวด|ห่อ|ตัว|ใบ|คู่|ถ้วย|ไม้|ลูก|บาท|นาที|ชั่วโมง|คืน|ห้อง|เล่ม|แพ็ค|กระป๋อง)`
const TH_PAID_GOT = new RegExp(String.raw`(?:สั่ง|จอง|จ่าย|โอน|เติม|ซื้อ|ชำระ)[\u0e00-\u0e7f\s]{0,15}?${TH_NUM}\s*${TH_CLASSIFIER}([^\n]{0,40}?)(?:ได้|มา|เข้า|ให้)(?:มา)?(?:[\u0e00-\u0e7f]{0,6}?(?:แค่|เพียง))?\s*(?:${TH_NUM}\s*${TH_CLASSIFIER}|${TH_CLASSIFIER}(เดียว))`)

// ——— A time told as a wait ————————————————————————————————————————————————————————————————
/** A length of time, and then still not, or late by it: "three days and still no reply", "40 minutes late". */
const EN_STILL_AFTER = new RegExp(String.raw`\b${EN_NUM}\s*${EN_UNIT}\s+(?:later|on|in|now|already|gone)?,?\s*(?:and\s+|but\s+)?(?:still|nothing|no sign|no reply|no answer|no response|no word|no update|no refund|not fixed|without)\b`, 'g')
const EN_LATE = new RegExp(String.raw`\b${EN_NUM}\s*${EN_UNIT}\s+(?:late|overdue|behind schedule|past (?:the|our|my) (?:booking|appointment|slot|reservation))\b|\blate by\s+(?:about\s+|almost\s+|over\s+)?${EN_NUM}\s*${EN_UNIT}`, 'g')
const EN_TIME_STEMS = enCue(['min', 'mins', 'minute', 'minutes', 'hour', 'hours', 'hr', 'hrs', 'day', 'days', 'night', 'nights', 'week', 'weeks', 'month', 'months'])
const EN_TIME_CUE = /\b(?:min(?:ute)?s?|hours?|hrs?|days?|nights?|weeks?|months?)\b/
const EN_STILL_WORDS = enCue(['still', 'nothing', 'sign', 'reply', 'answer', 'response', 'word', 'update', 'refund', 'fixed', 'without', 'not'])
const EN_LATE_WORDS = enCue(['late', 'overdue', 'schedule', 'past'])
const EN_DOWN_WORDS = enCue(['down', 'out', 'broken', 'offline', 'dead', 'off', 'working', 'no', 'without', 'not'])
const EN_FOR_WORDS = enCue(['for', 'since'])
const EN_DOWN_FOR = new RegExp(String.raw`\b(?:down|out|broken|offline|dead|off|not working|no (?:water|power|electricity|internet|wifi|signal|hot water|service|connection|reply|answer|response|aircon|ac)|without (?:water|power|electricity|internet|wifi|hot water|aircon|ac))\s+(?:\w+\s+){0,2}?(?:for|since)\s+(?:about\s+|almost\s+|over\s+|nearly\s+|more than\s+)?${EN_NUM}\s*${EN_UNIT}`, 'g')
const VI_STILL_AFTER = new RegExp(String.raw`(?:^|[^\p{L}])${VI_NUM}\s*${VI_UNIT}\s+(?:rồi\s+|roi\s+|nay\s+)?(?:mà\s+|ma\s+)?(?:vẫn\s+|van\s+)?(?:chưa|không thấy|chẳng thấy|không ai|ko thấy|chua|khong thay)(?!\s+(?:bao giờ|từng|hề|bao gio|tung|he))(?![\p{L}])`, 'gu')
const VI_FOREVER = /(?:^|[^\p{L}])(?:(?:chờ|đợi|gọi|nhắn|hỏi|giục|hối|báo|cho|doi|goi|nhan|hoi)\s+mãi|mãi\s+(?:không|chưa|ko|k|chẳng|mới|mà không|mà chưa)|mai\s+(?:khong|chua|ko|moi))(?![\p{L}])/u
const TH_STILL_AFTER = new RegExp(String.raw`(?:${TH_NUM}\s*)?${TH_UNIT}(?:แล้ว|กว่าแล้ว|เต็มๆ)[\s\u0e00-\u0e7f]{0,20}?ยัง(?:ไม่|ไม่ได้|ไม่มี|ติดต่อไม่ได้)|(?:เสีย|พัง|ล่ม|หาย|ดับ|ไม่มา|ไม่ได้|ไม่ติด|ค้าง|รอ)[\u0e00-\u0e7f]{0,10}?${TH_NUM}\s*${TH_UNIT}(?:แล้ว|เต็มๆ|กว่า)|(?:เป็น|หลาย|ตั้ง)${TH_UNIT}แล้ว`, 'g')

// ——— A problem named as a thing ———————————————————————————————————————————————————————————
const EN_DEFECT_NOUN = String.raw`(?:stains?|cracks?|dents?|scratch(?:es)?|scuffs?|(?:swirl |burn |water |black |scratch |scuff |tyre |tire |paint |dirty |muddy |finger ?)marks?|holes?|rips?|tears in|mou?ld|mildew|rust|bugs?|ants|cockroach(?:es)?|roach(?:es)?|bed ?bugs?|mosquito(?:es)?|rats?|mice|droppings|maggots?|worms?|fungus|dust|crumbs|grease|residue|lumps?|fish bones?|bones? in|bits of shell|shell in|pieces? of (?:plastic|glass|metal|wire|paper)|fluff|lint|smudges?|fingerprints?|odou?r|stench|smell of (?!fresh|coffee|baking|flowers)|puddles?|hairs?|a hair|damp (?:sheets|towels|bed|bedding|walls?|pillows?|clothes|room)|stained|chipped|cracked|dented)`
const EN_DEFECT = new RegExp(String.raw`\b(?:found|finding|find|there (?:was|were|is|are)|there s|noticed|spotted|saw|see|had|has|have|got|came with|left|leaves|with|full of|covered in|covered with|traces of)\s+(?:a\s+|an\s+|some\s+|two\s+|three\s+|several\s+|few\s+|lots of\s+|loads of\s+|a lot of\s+|little\s+|tiny\s+|big\s+|huge\s+|long\s+|dead\s+|live\s+|visible\s+|deep\s+|obvious\s+|weird\s+|strange\s+|more\s+|another\s+|\d+\s+)*(?:(?!(?:my|your|his|her|our|their|its|the|this|that)\s)[a-z]+\s+)?${EN_DEFECT_NOUN}\b|\b${EN_DEFECT_NOUN}\s+(?:in|on|all over|under|inside|around|everywhere)\s+(?:my|the|our|his|her|their|it|its|this|every|both|all|each|several|two|three)\b|\b(?:room|sheets?|towels?|bed|bathroom|floor|walls?|carpet|shirt|car|food|soup|drink|cup|glass|plate|table|screen|phone|case|box|parcel|package|cake|bread|rice)\s+(?:was|were|is|are|came|arrived|had|has)\s+(?:\w+\s+)?(?:stained|chipped|cracked|dented|mouldy|moldy|damp|scratched|torn|ripped)\b`, 'g')
const EN_DEFECT_STEMS = enCue(['stain', 'stains', 'stained', 'crack', 'cracks', 'cracked', 'dent', 'dents', 'dented', 'scratch', 'scratches', 'scratched', 'scuff', 'scuffs', 'scuffed', 'mark', 'marks', 'hole', 'holes', 'rip', 'rips', 'ripped', 'tear', 'tears', 'mold', 'moldy', 'mould', 'mouldy', 'mildew', 'rust', 'rusty', 'bug', 'bugs', 'ants', 'roach', 'roaches', 'cockroach', 'cockroaches', 'bedbug', 'bedbugs', 'mosquito', 'mosquitoes', 'mosquitos', 'rat', 'rats', 'mice', 'droppings', 'maggot', 'maggots', 'worm', 'worms', 'fungus', 'dust', 'dusty', 'crumbs', 'grease', 'residue', 'lump', 'lumps', 'bone', 'bones', 'shell', 'shells', 'piece', 'pieces', 'fluff', 'lint', 'smudge', 'smudges', 'fingerprint', 'fingerprints', 'odor', 'odour', 'stench', 'smell', 'puddle', 'puddles', 'hair', 'hairs', 'damp', 'chipped'])
const EN_DEFECT_CUE = /\b(?:stain|crack|dent|scratch|scuff|marks?\b|holes?\b|rips?\b|tears in|mou?ld|mildew|rust\b|bugs?\b|ants\b|roach|cockroach|bed ?bug|mosquito|rats?\b|mice|dropping|maggot|worms?\b|fungus|dust\b|crumbs|grease\b|residue|lumps?\b|fish bone|bones? in|shell|pieces? of|fluff|lint|smudge|fingerprint|odou?r|stench|smell of|puddle|hairs?\b|damp|chipped)/
const EN_DEFECT_DENIED = /\b(?:no|not a|not one|not a single|without|zero|free of|nothing|never|any|none|not any|no more)\s+(?:\w+\s+){0,2}$/
const EN_DEFECT_FIXED = /^[^.!?]{0,60}\b(?:out|off|removed|gone|disappeared|fixed|repaired|came out|vanished|buffed)\b/
const EN_DEFECT_FIXER = /\b(?:removed?|got rid of|fixed|repaired|cleaned off|took out|got out|buffed out|polished out|covered|hid|sorted|treated|filled|patched|remove|fix|repair)\s+(?:\w+\s+){0,3}$/
const VI_DEFECT = /(?:^|[^\p{L}])(?:vết\s+(?:trầy|xước|bẩn|ố|nứt|móp|dơ|rách|dầu|mực|cháy|lõm|loang|mốc|bể|vỡ)|sợi tóc|(?:có|thấy|dính|lẫn|còn|đầy)\s+(?:\p{L}+\s+)?(?:tóc|gián|kiến|ruồi|muỗi|chuột|rệp|giòi|sâu|mốc|nấm mốc|rỉ sét|gỉ|cặn|bụi|lông chó|lông mèo|dị vật|sạn|xương)|(?:có|bị|bốc|toàn|nồng|đã có)\s+mùi(?!\s*(?:thơm|hương|dễ chịu|thơm phức|rất thơm|thơm lừng))|ẩm mốc|bong tróc|nứt|móp|ố vàng)(?![\p{L}])/u
const VI_DEFECT_DENIED = /(?:không|chẳng|chưa|ko|k|hết|khử|át|sạch|tẩy|xóa|xoá|không còn|không có|không bị|không thấy)\s+(?:\p{L}+\s+){0,2}$/u
const TH_DEFECT = /(?:มี|เจอ|เห็น|ติด|เต็มไปด้วย|เป็น)(?:อยู่)?(?:รอย(?!ยิ้ม)|คราบ|เส้นผม|แมลง|มด|หนอน|ยุง|หนู|ตัวเรือด|เชื้อรา|สนิม|ฝุ่น|กลิ่น(?!หอม|ดี|ของ)|ขน(?:หมา|แมว)|เศษ)|ขึ้นรา|ราขึ้น|(?:รอย)(?:ขีด|ข่วน|ถลอก|บุบ|ร้าว|แตก|เปื้อน|ด่าง|ไหม้|คราบ)|เหม็นอับ|อับชื้น/
const TH_DEFECT_DENIED = /(?:ไม่|ไม่มี|ไม่เจอ|ไม่เห็น|ไร้|ปราศจาก)$/
const TH_DEFECT_FIXED = /^\S{0,12}(?:หาย|ออก|ลบ|เกลี้ยง)/

/** Clock times in English and their minutes after midnight. */
function enClockTimes(text: string): Array<{ at: number; end: number; minutes: number; marked: boolean }> {
  const out: Array<{ at: number; end: number; minutes: number; marked: boolean }> = []
  for (const m of text.matchAll(EN_CLOCK)) {
    let h: number
    let min = 0
    let half: string | undefined
    if (m[1] !== undefined) {
      h = Number(m[1])
      min = Number(m[2] ?? 0)
      half = m[3]
      // "for 2", "at 3" without minutes or am/pm may be a count ("a table for 2"): not a time.
      if (m[2] === undefined && half === undefined && /^(?:for|about|around|from)/.test(m[0])) continue
    } else if (m[4] !== undefined) {
      h = Number(m[4])
      min = Number(m[5])
      half = m[6]
    } else if (m[7] !== undefined) {
      h = Number(m[7])
      half = m[8]
    } else {
      h = 12
      half = 'pm'
    }
    if (h > 23 || min > 59) continue
    if (half?.startsWith('p') && h < 12) h += 12
    if (half?.startsWith('a') && h === 12) h = 0
    out.push({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length, minutes: h * 60 + min, marked: half !== undefined || h > 12 })
  }
  return out
}
/** A time promised and a later one kept, an hour or so after it (45 minutes or more). */
function enLateByClock(text: string): boolean {
  const times = enClockTimes(text)
  if (times.length < 2) return false
  const promisedAt = times.findIndex((t) => EN_PROMISED_TIME.test(text.slice(Math.max(0, t.at - 40), t.end)))
  if (promisedAt < 0) return false
  const promised = times[promisedAt]
  for (const t of times.slice(promisedAt + 1)) {
    if (!EN_KEPT_TIME.test(text.slice(Math.max(0, t.at - 30), t.end))) continue
    let kept = t.minutes
    // "by 6pm … at 10:40": a time without am/pm earlier than the promise is in the afternoon or evening.
    if (!t.marked && kept < promised.minutes && kept + 12 * 60 > promised.minutes) kept += 12 * 60
    if (kept - promised.minutes >= 45) return true
  }
  return false
}

/** The lengths of time (in minutes) of the matches of a pattern whose groups are (number, unit). */
function longest(text: string, re: RegExp, words: Record<string, number>, language: string): number {
  let best = 0
  for (const m of text.matchAll(re)) {
    const groups = m.slice(1).filter((g) => g !== undefined)
    if (!groups.length) {
      best = Math.max(best, 60 * 24)
      continue
    }
    const unit = groups.find((g) => minutesIn(g) > 0)
    if (!unit) continue
    const amount = groups[0] === unit ? undefined : groups[0]
    if (askedAt(text, m.index ?? 0, language)) continue
    best = Math.max(best, numberOf(amount, words) * minutesIn(unit))
  }
  return best
}

/** A number with its unit, for comparing what was paid or ordered with what came. */
const amount = (n: string | undefined, words: Record<string, number>) => (n === undefined ? 1 : numberOf(n, words))


/** Cheap tests first: each family is looked for only when a word it cannot do without is present (one pass each). */
const CUE_ENDED_UP = enCue(['ended'])
const CUE_KEEP = enCue(['keep', 'keeps', 'kept'])
const CUE_STILL = enCue(['still'])
const CUE_1 = enCue(['promised', 'promise', 'promises', 'promising', 'told', 'said', 'advertised', 'advertises', 'advertising', 'claim', 'claims', 'claimed', 'claiming', 'guarantee', 'guaranteed', 'guarantees', 'assured', 'quoted', 'says', 'showed', 'stated'])
const CUE_2 = enCue(['supposed', 'meant'])
const CONTRACTED = ['didn', 'wasn', 'weren', 'hasn', 'haven', 'hadn', 'isn', 'won', 'doesn', 'don', 'couldn', 'wouldn', 'aren', 'can']
const CUE_3 = enCue(['never', 'nobody', 'no', 'noone', 'not', 'stopped', 'failed', 'refused', ...CONTRACTED])
const CUE_4 = enCue(['even', 'despite'])
const CUE_5 = enCue(['blame', 'blamed', 'blames', 'blaming', 'fault', 'excuse', 'excuses'])
const CUE_6 = enCue(['had', 'have', 'having'])
const CUE_7 = enCue(['switch', 'switching', 'switched', 'change', 'changing', 'changed', 'move', 'moving', 'moved', 'elsewhere', 'somewhere'])
const CUE_8 = enCue(['not', 'never', 'last', ...CONTRACTED])
const CUE_9 = enCue(['never', 'not', ...CONTRACTED])
const CUE_10 = enCue(['add', 'added', 'adding', 'adds', 'slapped', 'tacked', 'snuck', 'sneaked', 'charged', 'top', 'asked', 'demanded', 'wanted', 'tried', 'insisted'])
const CUE_11 = enCue(['short', 'change', 'changed', 'less', 'only', 'barely', 'lasted'])
const CUE_12 = VI_CUES.add(['hẹn', 'hứa', 'nói', 'bảo', 'báo', 'ghi', 'quảng cáo', 'cam kết', 'đăng', 'tư vấn', 'giới thiệu', 'xác nhận', 'hen', 'hua', 'quang cao', 'cam ket'])
const CUE_13 = VI_CUES.add(['không ai', 'chẳng ai', 'chả ai', 'chưa ai', 'ko ai', 'k ai', 'khong ai', 'chua ai', 'có ai', 'co ai'])
const CUE_14 = VI_CUES.add(['báo', 'nhắn', 'xin lỗi', 'giải thích', 'hướng dẫn', 'nói', 'bao', 'xin loi', 'giai thich'])
const CUE_15 = VI_CUES.add(['lỗi', 'tại', 'do ', 'cớ', 'lý do', 'đổ'])
const CUE_16 = VI_CUES.add(['dù', 'trong khi', 'du '])
const CUE_17 = VI_CUES.add(['phải tự', 'tự phải', 'đành', 'bắt khách', 'bắt mình', 'bắt em', 'bắt tôi', 'bắt chờ', 'bắt đợi', 'phai tu', 'danh phai'])
const CUE_18 = VI_CUES.add(['lần cuối', 'bao giờ', 'chừa', 'cạch'])
const CUE_19 = VI_CUES.add(['quay lại', 'mua', 'ghé', 'đặt', 'ủng hộ'])
const CUE_20 = VI_CUES.add(['làm tròn', 'chém', 'thêm', 'phụ thu', 'phụ phí', 'dư', 'lố', 'them', 'lam tron'])
const CUE_21 = VI_CUES.add(['ghi', 'báo giá', 'niêm yết', 'menu', 'web', 'quảng cáo', 'nói', 'bảng giá', 'giá trên', 'bao gia', 'niem yet'])
const CUE_22 = VI_CUES.add(['chỉ', 'chi ', 'có', 'mới', 'được'])
const CUE_23 = VI_CUES.add(['mãi', 'mai '])
const CUE_24 = VI_CUES.add(['vết', 'tóc', 'gián', 'kiến', 'ruồi', 'muỗi', 'chuột', 'rệp', 'giòi', 'sâu', 'mốc', 'rỉ', 'gỉ', 'cặn', 'bụi', 'lông', 'dị vật', 'sạn', 'xương', 'mùi', 'tróc', 'nứt', 'móp', 'ố vàng'])
const CUE_25 = TH_CUES.add(['บอกว่า', 'สัญญาว่า', 'โฆษณาว่า', 'แจ้งว่า', 'รับปากว่า', 'เขียนว่า', 'ประกาศว่า', 'รับประกันว่า', 'การันตี', 'ในรูป', 'เพจบอก', 'รีวิวบอก'])
const CUE_26 = TH_CUES.add(['ไม่มีใคร', 'ไม่มีคน', 'บอก', 'แจ้ง', 'เตือน', 'อธิบาย', 'ขอโทษ', 'กลับ', 'ไม่เห็น', 'เลิกตอบ', 'หยุดตอบ'])
const CUE_27 = TH_CUES.add(['ไม่เข้า', 'ไม่ขึ้น', 'ไม่ถึง'])
const CUE_28 = TH_CUES.add(['อ้าง', 'โทษ', 'โยน', 'ปัด', 'ว่าเป็น', 'ว่าที่', 'ว่าความผิด'])
const CUE_29 = TH_CUES.add(['ทั้งที่', 'ทั้งๆที่', 'ทั้งๆ ที่', 'ทั้ง ที่'])
const CUE_30 = TH_CUES.add(['จำใจ', 'สุดท้ายต้อง', 'ต้องจ่าย', 'ต้องเสีย', 'ต้องแก้', 'ต้องทำ', 'ต้องหอบ', 'ต้องแบก', 'ต้องยก'])
const CUE_31 = TH_CUES.add(['ครั้งสุดท้าย', 'เลิก'])
const CUE_32 = TH_CUES.add(['ไม่ได้สั่ง', 'ไม่ได้ใช้', 'ไม่ได้ขอ', 'ไม่ได้จอง', 'ไม่ได้กิน', 'ไม่ได้ดื่ม', 'ไม่ได้เอา', 'ไม่ได้ซื้อ'])
const CUE_33 = TH_CUES.add(['เพิ่ม', 'เกิน', 'ซ้ำ'])
const CUE_34 = TH_CUES.add(['ป้าย', 'เมนู', 'หน้าเพจ', 'แจ้ง', 'บอก', 'โฆษณา', 'ราคาหน้าร้าน', 'ในแอป'])
const CUE_35 = TH_CUES.add(['แค่', 'เพียง', 'ขาด', 'ทอน', 'ไม่ครบ'])
const CUE_36 = TH_CUES.add(['สั่ง', 'จอง', 'จ่าย', 'โอน', 'เติม', 'ซื้อ', 'ชำระ'])
const CUE_37 = TH_CUES.add(['แค่', 'เพียง', 'เดียว'])
const CUE_38 = TH_CUES.add(['แล้ว', 'เต็มๆ', 'กว่า'])
const CUE_39 = TH_CUES.add(['รอย', 'คราบ', 'เส้นผม', 'แมลง', 'มด', 'หนอน', 'ยุง', 'หนู', 'เรือด', 'ขึ้นรา', 'ราขึ้น', 'เชื้อรา', 'สนิม', 'ฝุ่น', 'กลิ่น', 'ขนหมา', 'ขนแมว', 'เศษ', 'อับ'])

/** The plain-fact complaints of a comment (lower-cased) in its language. */
export function plainFacts(text: string, language: string | null): PlainFacts {
  if (language === 'vi') return vietnamese(text)
  if (language === 'th') return thai(text)
  return english(text)
}

/**
 * English as read here: apostrophes as spaces and "n't" as " not" ("didn't" → "did not"), with where
 * each letter came from in the text (claims are spans of the text).
 */
function expandEnglish(text: string): { read: string; origin: () => number[] } {
  const origin = () => {
    const out: number[] = []
    for (let i = 0; i < text.length; i++) {
      if (text[i] === 'n' && (text[i + 1] === "'" || text[i + 1] === '’') && text[i + 2] === 't' && !/[a-z]/.test(text[i + 3] ?? '')) {
        out.push(i, i, i + 1, i + 2)
        i += 2
      } else out.push(i)
    }
    out.push(text.length)
    return out
  }
  if (!text.includes("'") && !text.includes('’')) return { read: text, origin: () => [] }
  return { read: text.replace(/n['’]t(?![a-z])/g, ' not').replace(/['’]/g, ' '), origin }
}

/** What a family found: whether it applies, and the claim it masks. */
class Found {
  expectation = false
  quantity = false
  waited = false
  defect = false
  chore = false
  elsewhere = false
  claims: Span[] = []
  /** A promise broken: the family holds, and what was promised is a claim (group 0: a leaving phrase, read whole). */
  promise(m: RegExpExecArray | null, group = 1): boolean {
    if (!m) return false
    const start = m.index + m[0].indexOf(m[group])
    if (m[group].trim()) this.claims.push([start, start + m[group].length])
    return true
  }
  facts(): PlainFacts {
    const weight =
      (this.expectation ? EXPECTATION_WEIGHT : 0) +
      (this.quantity ? QUANTITY_WEIGHT : 0) +
      (this.waited ? WAIT_WEIGHT : 0) +
      (this.defect ? DEFECT_WEIGHT : 0) +
      (this.chore ? CHORE_WEIGHT : 0) +
      (this.elsewhere ? ELSEWHERE_WEIGHT : 0)
    return { weight, waited: this.waited, claims: this.claims }
  }
}

/** Nothing found: most comments. */
const NONE: PlainFacts = Object.freeze({ weight: 0, waited: false, claims: [] as Span[] }) as PlainFacts

function english(text: string): PlainFacts {
  // The cues are read before contractions are expanded ("didn't" is cued by "didn").
  const cues = EN_CUES.of(text)
  const digits = /\d/.test(text)
  if (!cues && !digits) return NONE
  const f = new Found()
  const { read, origin } = expandEnglish(text)
  if ((cues & CUE_1))
    f.expectation = f.promise(
      told(read, EN_PROMISE, 'en', (m) => {
        if (EN_TURN_OWN_CLAUSE.test(m[2]) && !/[.,;]/.test(m[1])) return false
        const after = read.slice(m.index + m[0].length, m.index + m[0].length + 50)
        return !EN_OVERDELIVERED.test(after) && !/\b(?:as|exactly|just)\s+$/.test(read.slice(Math.max(0, m.index - 10), m.index))
      }),
    )
  if (!f.expectation && (cues & CUE_2)) f.expectation = told(read, EN_SUPPOSED, 'en', (m) => !EN_INSTRUCTED.test(read.slice(Math.max(0, m.index - 25), m.index + m[0].length))) !== null
  if (!f.expectation && (cues & CUE_3)) f.expectation = told(read, EN_NOBODY, 'en') !== null
  if (!f.expectation && cues & CUE_STILL) f.expectation = told(read, EN_STILL, 'en') !== null
  if (!f.expectation && (cues & CUE_4)) f.expectation = told(read, EN_EVEN_THOUGH, 'en') !== null
  if (!f.expectation && (cues & CUE_5)) f.expectation = told(read, EN_BLAME, 'en') !== null
  if (!f.expectation && digits && EN_CLOCK_CUE.test(read) && enLateByClock(read)) {
    f.expectation = true
    f.waited = true
  }
  if ((cues & CUE_6)) f.chore = told(read, EN_HAD_TO, 'en', (m) => !EN_NOT_HAD_TO.test(read.slice(Math.max(0, m.index - 20), m.index + 10))) !== null
  if (!f.chore && cues & CUE_ENDED_UP) f.chore = told(read, EN_ENDED_UP, 'en') !== null
  if (!f.chore && cues & CUE_KEEP) f.chore = told(read, EN_KEEPS, 'en') !== null
  if ((cues & CUE_7)) f.elsewhere = told(read, EN_ELSEWHERE, 'en') !== null
  if (!f.elsewhere && (cues & CUE_8)) f.elsewhere = f.promise(told(read, EN_LEAVING, 'en'), 0)
  // A quantity gone wrong.
  if ((cues & CUE_9) && EN_MONEY.test(read)) f.quantity = told(read, EN_NOT_ORDERED, 'en', (m) => !EN_FREE.test(sentenceAround(read, m.index))) !== null
  if (!f.quantity && (cues & CUE_10))
    f.quantity = told(read, EN_FEE, 'en', (m) => !EN_SELF.test(read.slice(Math.max(0, m.index - 12), m.index + m[0].length)) && !EN_FREE.test(sentenceAround(read, m.index))) !== null
  if (!f.quantity && (cues & CUE_11)) f.quantity = told(read, EN_SHORT, 'en') !== null
  if (!f.quantity && digits && EN_PRICE_CUE.test(read)) f.quantity = told(read, EN_PRICE_STATED, 'en', higher) !== null
  // A time told as a wait.
  if (!f.waited && (cues & EN_TIME_STEMS) && EN_TIME_CUE.test(read)) {
    const minutes = Math.max(
      (cues & EN_STILL_WORDS) ? longest(read, EN_STILL_AFTER, EN_NUMBERS, 'en') : 0,
      (cues & EN_LATE_WORDS) ? longest(read, EN_LATE, EN_NUMBERS, 'en') : 0,
      (cues & EN_DOWN_WORDS) && (cues & EN_FOR_WORDS) ? longest(read, EN_DOWN_FOR, EN_NUMBERS, 'en') : 0,
    )
    if (minutes >= 15) f.waited = true
  }
  // A problem named as a thing.
  if ((cues & EN_DEFECT_STEMS) && EN_DEFECT_CUE.test(read))
    f.defect =
      told(read, EN_DEFECT, 'en', (m) => {
        const head = read.slice(Math.max(0, m.index - 40), m.index + m[0].indexOf(' ') + 1)
        const afterText = read.slice(m.index + m[0].length)
        return !EN_DEFECT_DENIED.test(head) && !EN_DEFECT_FIXER.test(head) && !EN_DEFECT_FIXED.test(afterText) && !/\bhair\s+(?:stylist|salon|cut|dresser|dryer|colou?r|treatment|wash|spa|do|style|mask|product|done|appointment)/.test(m[0] + afterText.slice(0, 20))
      }) !== null
  if (f.claims.length && read !== text) {
    const from = origin()
    f.claims = f.claims.map(([a, b]) => [from[a], from[b]])
  }
  return f.facts()
}

const VI_ORDER_VERB = VI_CUES.add(['gọi', 'đặt', 'order', 'kêu', 'dùng', 'mua', 'xài', 'sử dụng', 'yêu cầu', 'goi', 'dat', 'keu', 'dung', 'xai'])
const VI_MONEY_WORD = VI_CUES.add(['tính', 'thu', 'bill', 'hóa đơn', 'hoá đơn', 'cộng', 'trừ', 'tinh', 'hoa don', 'tiền'])
const VI_TIME_WORD = VI_CUES.add(['phút', 'phut', 'tiếng', 'tieng', 'giờ', 'gio', 'buổi', 'ngày', 'ngay', 'hôm', 'đêm', 'tuần', 'tuan', 'tháng', 'thang'])

function vietnamese(text: string): PlainFacts {
  const cues = VI_CUES.of(text)
  if (!cues) return NONE
  const f = new Found()
  if ((cues & CUE_12))
    f.expectation = f.promise(told(text, VI_PROMISE, 'vi', (m) => !VI_OVERDELIVERED.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))))
  if (!f.expectation && (cues & CUE_13)) f.expectation = told(text, VI_NOBODY, 'vi') !== null
  if (!f.expectation && (cues & CUE_14) && !VI_NOT_TOLD_OK.test(text)) f.expectation = told(text, VI_NOT_TOLD, 'vi') !== null
  if (!f.expectation && (cues & CUE_15)) f.expectation = told(text, VI_BLAME, 'vi') !== null
  if (!f.expectation && (cues & CUE_16)) f.expectation = told(text, VI_EVEN_THOUGH, 'vi') !== null
  if ((cues & CUE_17) && !VI_NOT_CHORE.test(text)) f.chore = told(text, VI_CHORE, 'vi') !== null
  if ((cues & CUE_18) || (text.includes('nữa') && (cues & CUE_19))) f.elsewhere = f.promise(told(text, VI_LEAVING, 'vi'), 0)
  // A quantity gone wrong.
  if (cues & VI_ORDER_VERB && cues & VI_MONEY_WORD && VI_NOT_ORDERED_CUE.test(text)) f.quantity = told(text, VI_NOT_ORDERED, 'vi', (m) => VI_MONEY.test(sentenceAround(text, m.index)) && !/miễn phí|tặng|free/.test(sentenceAround(text, m.index))) !== null
  if (!f.quantity && (cues & CUE_20) && !VI_FEE_OK.test(text)) f.quantity = told(text, VI_FEE, 'vi') !== null
  if (!f.quantity && /\d/.test(text) && (cues & CUE_21)) f.quantity = told(text, VI_PRICE_STATED, 'vi', higher) !== null
  if (!f.quantity && (cues & CUE_22) && /\d|một|hai|ba|bốn|năm/.test(text))
    f.quantity =
      told(text, VI_PAID_GOT, 'vi', (m) => {
        const [, n1, u1, , n2, u2] = m
        return u1 === u2 && amount(n2, VI_NUMBERS) < amount(n1, VI_NUMBERS)
      }) !== null
  // A time told as a wait.
  if (cues & VI_TIME_WORD && longest(text, VI_STILL_AFTER, VI_NUMBERS, 'vi') >= 60) f.waited = true
  if (!f.waited && (cues & CUE_23)) f.waited = told(text, VI_FOREVER, 'vi') !== null
  // A problem named as a thing.
  if ((cues & CUE_24))
    f.defect = told(text, VI_DEFECT, 'vi', (m) => !VI_DEFECT_DENIED.test(text.slice(Math.max(0, m.index - 20), m.index + 1))) !== null
  return f.facts()
}

const TH_STILL_WORD = TH_CUES.add(['ยังไม่'])
const TH_AGAIN_WORD = TH_CUES.add(['อีก'])

function thai(text: string): PlainFacts {
  const cues = TH_CUES.of(text)
  if (!cues) return NONE
  const f = new Found()
  if ((cues & CUE_25)) f.expectation = f.promise(told(text, TH_PROMISE, 'th', (m) => !TH_OVERDELIVERED.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))))
  if (!f.expectation && (cues & CUE_26) && !TH_NOBODY_OK.test(text)) f.expectation = told(text, TH_NOBODY, 'th') !== null
  if (!f.expectation && cues & TH_STILL_WORD) f.expectation = told(text, TH_STILL_NOT, 'th') !== null
  if (!f.expectation && (cues & CUE_27)) f.expectation = told(text, TH_NOT_CREDITED, 'th') !== null
  if (!f.expectation && (cues & CUE_28)) f.expectation = told(text, TH_BLAME, 'th') !== null
  if (!f.expectation && text.includes('ที่') && (cues & CUE_29)) f.expectation = told(text, TH_EVEN_THOUGH, 'th') !== null
  if ((cues & CUE_30)) f.chore = told(text, TH_CHORE, 'th') !== null
  if ((cues & TH_AGAIN_WORD && text.includes('ไม่')) || (cues & CUE_31)) f.elsewhere = f.promise(told(text, TH_LEAVING, 'th'), 0)
  // A quantity gone wrong.
  if ((cues & CUE_32)) f.quantity = told(text, TH_NOT_ORDERED, 'th') !== null
  if (!f.quantity && (cues & CUE_33)) f.quantity = told(text, TH_FEE, 'th', (m) => !TH_FEE_OK.test(text.slice(Math.max(0, m.index - 6), m.index + m[0].length))) !== null
  if (!f.quantity && /\d/.test(text) && (cues & CUE_34)) f.quantity = told(text, TH_PRICE_STATED, 'th', higher) !== null
  if (!f.quantity && (cues & CUE_35)) f.quantity = told(text, TH_SHORT, 'th', (m) => !/(?:ใช้เวลา|ราคา|จ่าย)$/.test(text.slice(Math.max(0, m.index - 8), m.index))) !== null
  if (!f.quantity && (cues & CUE_36) && (cues & CUE_37) )
    f.quantity =
      told(text, TH_PAID_GOT, 'th', (m) => {
        const u2 = m[5] ?? m[6]
        return m[2] === u2 && amount(m[7] ? 'เดียว' : m[4], TH_NUMBERS) < amount(m[1], TH_NUMBERS)
      }) !== null
  // A time told as a wait.
  if ((cues & CUE_38) && /นาที|ชั่วโมง|ชม|วัน|คืน|อาทิตย์|สัปดาห์|เดือน/.test(text) && longest(text, TH_STILL_AFTER, TH_NUMBERS, 'th') >= 60) f.waited = true
  // A problem named as a thing.
  if ((cues & CUE_39))
    f.defect = told(text, TH_DEFECT, 'th', (m) => !TH_DEFECT_DENIED.test(text.slice(Math.max(0, m.index - 6), m.index)) && !TH_DEFECT_FIXED.test(text.slice(m.index + m[0].length))) !== null
  return f.facts()
}
