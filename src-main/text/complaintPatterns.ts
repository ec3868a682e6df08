import { TH_PROMISED_TIME, plainFacts, type Span } from './plainFacts'

/**
 * Complaints told as plain facts, with no word of feeling in them: a wait measured in minutes ("waited
 * 40 minutes", "chờ gần 1 tiếng mới có", "รอเกือบชั่วโมง"), having to ask again and again ("called
 * three times", "nhắn 4 lần", "ทักไปหลายรอบ", "กว่าจะได้"), getting something other than what was
 * ordered ("ordered a large, got a small"), a seller gone silent after a message, and a rating
 * written as a fraction ("2/10", "9/10"). The lexicon cannot see these: each is a shape of sentence
 * rather than a word. Each family adds a weight to the comment's sum, as emoji do.
 *
 * Written from everyday English, Vietnamese and Thai customer language, not from any sample; every
 * family has its own unit cases (tests/unit/text/complaintPatterns.test.ts). A plain fact without
 * the shape of a complaint ("took 30 minutes", "giao trong 2 ngày", "นัดบ่ายสอง") adds nothing.
 */

/** A wait, in minutes, that a customer mentions only because it was too long. */
const LONG_WAIT_MINUTES = 15
/** "It took …": how long before a plain duration is itself a complaint. */
const LONG_TOOK_MINUTES = 45

const WAIT_WEIGHT = -1.5
const TOOK_WEIGHT = -1.2
const REPEAT_WEIGHT = -1.2
const MISMATCH_WEIGHT = -1.5
const SILENCE_WEIGHT = -3
const RATING_WEIGHT = 2
const ELSEWHERE_WEIGHT = -2

const EN_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90, several: 3, few: 3, couple: 2, half: 0.5,
}
const VI_NUMBERS: Record<string, number> = {
  một: 1, mot: 1, hai: 2, ba: 3, bốn: 4, bon: 4, năm: 5, nam: 5, sáu: 6, sau: 6, bảy: 7, bay: 7, tám: 8, tam: 8, chín: 9, chin: 9, mười: 10, muoi: 10,
  nửa: 0.5, nua: 0.5, mấy: 3, may: 3, vài: 3, vai: 3, cả: 1, ca: 1,
}
const TH_NUMBERS: Record<string, number> = {
  หนึ่ง: 1, สอง: 2, สาม: 3, สี่: 4, ห้า: 5, หก: 6, เจ็ด: 7, แปด: 8, เก้า: 9, สิบ: 10, ยี่สิบ: 20, สามสิบ: 30, สี่สิบ: 40, ห้าสิบ: 50,
  ครึ่ง: 0.5, หลาย: 3, เป็น: 2,
}
/** A number written in digits or words ("40", "an", "a couple of", "half an", "nửa", "ครึ่ง"). */
const number = (s: string, words: Record<string, number>) => {
  const n = Number(s.replace(',', '.'))
  return Number.isFinite(n) ? n : (words[s.replace(/^a /, '').replace(/ (?:of|an?)$/, '')] ?? 1)
}
/** Minutes in a unit of time, by its first letters in any of the three languages. */
function minutes(unit: string): number {
  if (/^(?:min|phút|phut|นาที)/.test(unit)) return 1
  if (/^(?:h|tiếng|tieng|giờ|gio|ชั่วโมง|ชม)/.test(unit)) return 60
  if (/^(?:buổi|buoi)/.test(unit)) return 60 * 4
  if (/^(?:day|ngày|ngay|hôm|hom|วัน)/.test(unit)) return 60 * 24
  if (/^(?:week|tuần|tuan|อาทิตย์|สัปดาห์)/.test(unit)) return 60 * 24 * 7
  if (/^(?:month|tháng|thang|เดือน)/.test(unit)) return 60 * 24 * 30
  return 0
}

const EN_NUM = String.raw`(\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|several|a few|a couple of|half an?)`
const EN_UNIT = String.raw`(min(?:ute)?s?|hours?|hrs?|h|days?|weeks?|months?)`
const EN_ABOUT = String.raw`(?:(?:about|almost|nearly|over|more than|at least|around|another|a full|roughly|close to|well over|like)\s+)?`
/** A wait verb, then within a few words a duration: "waited 40 minutes", "on hold for an hour", "stuck in the queue for 2 hours". */
const EN_WAIT = new RegExp(String.raw`\b(wait(?:ed|ing)?|on hold|queu(?:e|ed|ing)|stuck|took|take|takes|taking|after)\b(?:\s+[a-z']+){0,4}?\s+${EN_ABOUT}${EN_NUM}(?:\s+and a half)?[\s-]*${EN_UNIT}\b`, 'g')
/** Asking or trying again: "called three times", "messaged them twice", "had to ask again". */
const EN_REPEAT = /\b(?:asked|called|messaged|emailed|texted|rang|phoned|chased|reminded|tried|complained|sent it back|contacted|wrote)\b(?:\s+[a-z']+){0,4}?\s+(?:twice|thrice|(?:\d+|two|three|four|five|six|several|multiple|many|so many|countless|a few|a dozen) times)\b/
/** "Third time I've asked", "second time we called": the count before the asking. */
const EN_NTH_TIME = /\b(?:second|third|fourth|fifth|\d+(?:nd|rd|th)) time (?:i|we)(?: ve| have| had|'ve)? (?:asked|called|emailed|messaged|written|complained|chased|reminded|told|contacted|come back to complain)\b/
const EN_HAD_TO = /\bhad to\s+(?:(?:go|come|walk|drive)\s+(?:back|again)|ask|call|chase|remind|repeat|explain|wait|send it back|return it|fix it myself|do it myself|pay again|redo|complain|beg)\b/
/** Got something other than what was ordered: "ordered a large, got a small", "booked a double but were given a twin". */
const EN_MISMATCH = /\b(?:ordered|booked|asked for|paid for|requested|reserved|bought)\b[^.!?]{1,50}?(?:,|;|\bbut\b|\binstead\b|\band only\b)\s*(?:i |we |they |then )?(?:only |instead )?(?:got|received|were given|was given|gave (?:us|me)|ended up with|brought (?:us|me))\b|\b(?:ordered|asked for|requested)\b[^.!?]{1,40}?(?:,|;|\bbut\b|\band\b)\s*(?:it |they |the \w+ )?came(?: back| out)?\b(?!\s+(?:quickly|fast|hot|fresh|perfect|perfectly|great|in|within|on time|right|soon|straight|first|together|beautifully|nicely|exactly|as|just|warm|lovely|spot on|amazing|delicious|with|back|out|to|at|by|from|and|the)\b)/

/**
 * Fourth round. Got other than ordered, told with "instead of" after what came ("came out orange instead
 * of brown", "was given a twin instead of a double").
 */
const EN_INSTEAD = /\b(?:came out|turned out|came|arrived|got|received|delivered|sent|gave|brought|served|charged|ended up with|given|made)\b[^.!?]{0,40}?\binstead\b/
/** After "got": the thing ordered itself, and when or how soon it came. */
const EN_SAME_ITEM = /^\s+(?:it|them|everything|my order|our order|the order)\s+(?:in|within|on|the same|the next|next|fast|quickly|quick|early|after|by|before|at|right|straight)\b/
/** Paid for speed and waited days: "paid for express shipping, parcel came in 9 days". */
const EN_PAID_FAST = /\b(?:paid|paying|pay|chose|booked)\b[^.!?]{0,25}?\b(?:express|priority|same[- ]day|next[- ]day|overnight|rush|urgent|fast track|fast shipping|fast delivery)\b[^.!?]{0,60}?\b(\d+|two|three|four|five|six|seven|eight|nine|ten|a|several)\s+(days?|weeks?)\b/
/** Done already, and yet: "already paid but …", "booked in advance and still …". */
const EN_ALREADY_BUT = /\b(?:(?:already|had|have)\s+(?:paid|booked|ordered|reserved|confirmed|prepaid)|(?:paid|booked|reserved)\s+(?:in advance|ahead|beforehand|upfront|up front))\b[^.!?]{0,40}?\b(?:but|yet|still)\b/
/** Not until: "didn't see the dentist until 11:30", "never called back until I complained". */
const EN_NOT_UNTIL = /(?:\b(?:did|was|were|had|could|would|is|are)(?: not|n't)|\bnever|\bno one|\bnobody|\bnothing)\b[^.!?]{1,50}?\buntil\b/
/** A yes/no question about a length of time ("does delivery take 2 days?"; not "why does it take 3 days?"). */
const ASKED_TIME = /\?/
/** "Took only 20 minutes", "in under an hour": a length of time framed as short is praise, not a wait. */
const EN_SHORT = new RegExp(String.raw`(?<!\blasted\s)\b(?:only|just|under|less than|barely|within)\s+(?:(?:took|takes|taking)\s+)?${EN_NUM}?\s*(?:min|minutes?|hours?|hrs?|days?)\b`)
const SPEED_WEIGHT = 1.5

const VI_NUM = String.raw`(\d+(?:[.,]\d+)?|một|mot|hai|ba|bốn|bon|năm|nam|sáu|bảy|tám|chín|mười|muoi|nửa|nua|mấy|may|vài|vai|cả|ca)`
const VI_UNIT = String.raw`(phút|phut|tiếng|tieng|giờ|gio|h|buổi|buoi|ngày|ngay|hôm|hom|tuần|tuan|tháng|thang)`
const VI_ABOUT = String.raw`(?:(?:gần|gan|hơn|hon|tận|tan|khoảng|khoang|cả|ca|mất|mat|hết|het|ròng|rong|tới|toi|đến|den|suốt|suot)\s+){0,2}`
/** "chờ gần 40 phút", "đợi cả tiếng", "mất 3 ngày", "trễ 2 tiếng". */
const VI_WAIT = new RegExp(String.raw`(?:^|[^\p{L}])(chờ|đợi|cho|doi|ngồi|ngoi|xếp hàng|xep hang|trễ|tre|muộn|muon|mất|mat|lâu|lau)\s+${VI_ABOUT}${VI_NUM}\s*${VI_UNIT}(?![\p{L}])`, 'gu')
/** "… 40 phút mới có", "3 lần mới trả lời": "mới" after a length of time or a count, it came only then. */
const VI_ONLY_THEN = new RegExp(String.raw`(?:^|[^\p{L}])${VI_NUM}\s*(?:phút|phut|tiếng|tieng|giờ|gio|h|ngày|ngay|hôm|hom|tuần|tuan|lần|lan|lượt|luot)(?:\s+(?!nữa|nua)[\p{L}]+){0,1}\s+(?:mới|moi)(?![\p{L}])`, 'u')
/** Asking or trying again: "nhắn 3 lần", "gọi mấy lần", "sửa nhiều lần". */
const VI_REPEAT = /(?:^|[^\p{L}])(?:hỏi|gọi|nhắn|nhắc|báo|sửa|đổi|mang|gửi|khiếu nại|liên hệ|inbox|ib|hoi|goi|nhan|nhac|bao|sua|mang|gui|lien he)(?:\s+[\p{L}\d]+){0,3}?\s+(?:\d+|hai|ba|bốn|bon|năm|mấy|may|nhiều|nhieu|vài|vai|bao nhiêu)\s+(?:lần|lan|lượt|luot|bận)(?![\p{L}])/u
/** Having to do it again: "phải gọi lại", "phải làm lại", "phải nhắc lại" (not "phải quay lại", must come back). */
const VI_HAD_TO = /(?:^|[^\p{L}])(?:phải|phai)\s+(?:hỏi|gọi|nhắn|nhắc|làm|sửa|chờ|đợi|mang|gửi|nói|giải thích|đổi|trả|hoi|goi|nhan|nhac|lam|sua|doi|gui|noi)(?:\s+[\p{L}]+){0,2}?\s+(?:lại|lai)(?![\p{L}])/u
/**
 * Saying one thing and doing another: "nói một đằng làm một nẻo", "báo giá một kiểu, tính tiền một
 * kiểu" (a deed between the two halves: "một kiểu bánh, một kiểu nước" is two kinds of things).
 */
const VI_TWO_WAYS = /(?:một|mot)\s+(?:kiểu|kieu|đằng|dang)(?![\p{L}])[^.!?]{0,30}?(?:làm|tính|giao|thu|bán|lấy|đưa|lam|tinh|thu|ban|lay|dua)(?![\p{L}])[^.!?]{0,15}?(?:một|mot)\s+(?:kiểu|kieu|nẻo|neo|đằng|dang)(?![\p{L}])/u
/** Going elsewhere next time: "đổi sang tiệm khác", "tìm chỗ khác", "chuyển qua phòng khám khác". */
const VI_ELSEWHERE = /(?:^|[^\p{L}])(?:đổi|tìm|chuyển|sang|qua|doi|tim|chuyen)\s+(?:(?:sang|qua)\s+)?(?:chỗ|chổ|quán|tiệm|shop|nơi|bên|phòng khám|nhà thuốc|khách sạn|hãng|nhà xe|cho|quan|tiem|noi|ben|phong kham|nha thuoc|khach san|hang)(?:\s+[\p{L}]+)?\s+(?:khác|khac)(?![\p{L}])/u

/**
 * Fourth round. Ordered one thing, got another of the same kind: "đặt size M giao size L", "đặt phòng đôi
 * mà nhận phòng đơn" (the two halves share their first word and differ after it; days and hours are no
 * kind: "đặt thứ 2 giao thứ 4" is a delivery time).
 */
const VI_ORDER_GOT = /(?:^|[^\p{L}])(?:đặt|order|gọi|kêu|mua|chọn|book|yêu cầu|dặn)\s+([\p{L}\d]+(?:\s+[\p{L}\d]+){0,3}?)\s*,?\s*(?:(mà|nhưng|lại|thì|xong)\s+)?(?:(?:shop|quán|tiệm|họ)\s+)?(?:giao|gửi|ship|mang ra|đưa|nhận được|nhận|làm|ra)\s+(?:(?:cho|ra)\s+)?([\p{L}\d]+(?:\s+[\p{L}\d]+){0,3})/u
const VI_TIME_HEADS = new Set(['thứ', 'ngày', 'hôm', 'lúc', 'giờ', 'h', 'tuần', 'tháng', 'sáng', 'chiều', 'tối', 'trưa', 'mai', 'nay', 'hàng', 'đơn', 'món', 'đồ', 'xong', 'rồi'])
/** Express paid for, days taken: "ship hỏa tốc mà 3 ngày mới tới". */
const VI_PAID_FAST = /(?:hỏa tốc|hoả tốc|giao nhanh|ship nhanh|express)[^.!?]{0,40}?(\d+|hai|ba|bốn|năm|mấy|vài)\s*(ngày|hôm|tuần)/u
/** Done already, and yet: "đặt bàn trước rồi mà …", "chuyển khoản rồi nhưng …". */
const VI_ALREADY_BUT = /(?:^|[^\p{L}])(?:đặt|book|trả tiền|trả|thanh toán|chuyển khoản|ck|cọc|đặt cọc|báo|nhắn|hẹn)(?:\s+[\p{L}\d]+){0,3}?\s+rồi\s+(?:mà|nhưng|vẫn)(?![\p{L}])/u
/** "20 phút là tới": a short time framed with "là" is praise; a long one, a wait ("45 phút là có rồi"). */
const VI_THEN_CAME = new RegExp(String.raw`(?:^|[^\p{L}])(\d+|một|hai|ba|bốn|năm|mười|mấy|vài)\s*(phút|phut|tiếng|tieng|giờ|gio|h)\s+(?:là|la)\s+(?:tới|có|xong|đến|giao|lên|ra|toi|co|den)(?![\p{L}])`, 'u')

const TH_NUM = String.raw`(\d+(?:[.,]\d+)?|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่สิบ|สามสิบ|สี่สิบ|ห้าสิบ|ครึ่ง|หลาย|เป็น)`
const TH_UNIT = String.raw`(นาที|ชั่วโมง|ชม|วัน|อาทิตย์|สัปดาห์|เดือน)`
/** A wait and its length: "รอเกือบชั่วโมง", "รอคิว 2 ชั่วโมง", "ใช้เวลาตั้ง 3 วัน", "วนหาที่จอดครึ่งชั่วโมง". */
const TH_WAIT = new RegExp(String.raw`(รอ|สั่งไป|สั่งตั้งแต่|ต่อคิว|เข้าคิว|ใช้เวลา|วนหา|นานถึง|นานเกือบ|ตั้ง|เกือบ)[\u0e00-\u0e7f]{0,12}?\s*(?:เกือบ|ตั้ง|กว่า|ร่วม|ประมาณ|เป็น)?\s*${TH_NUM}?\s*${TH_UNIT}(ครึ่ง)?`, 'g')
/** "กว่าจะ": it took until … (กว่าจะมา, กว่าจะได้, กว่าจะตอบ): always a delay complained of. */
const TH_UNTIL = /กว่าจะ/
/** Asking again and again: "เรียกหลายรอบ", "ทักไป 3 ครั้ง", "โทรตามหลายที". */
const TH_REPEAT = /(?:เรียก|ทัก|โทร|ถาม|บอก|แจ้ง|ตาม|ส่งซ่อม|ซ่อม|เคลม|ติดต่อ|กด|อินบ็อกซ์)[\u0e00-\u0e7f]{0,8}?\s*(?:หลายรอบ|หลายครั้ง|หลายที|ตั้งหลาย|(?:\d+|สอง|สาม|สี่|ห้า)\s*(?:รอบ|ครั้ง|ที))/
/** Having to do it oneself, or again: "ต้องเดินไปเอาเอง", "ต้องส่งซ่อมใหม่". */
const TH_HAD_TO = /ต้อง[\u0e00-\u0e7f]{1,14}?(?:เอง|ใหม่|อีกรอบ|อีกครั้ง)/
/** Going elsewhere next time: "ไปร้านอื่น", "หาเจ้าอื่น", "เปลี่ยนไปใช้คลินิกอื่น" (matched in the text: ICU cuts "ต้องหา|ร้าน"). */
const TH_ELSEWHERE = /(?:ไป|หา|เปลี่ยน|ย้าย|ใช้)(?:ร้าน|ที่|คลินิก|โรงแรม|เจ้า|อู่|ศูนย์|โรงพยาบาล|แอป)อื่น/
/** A message answered with silence: "ทักไปร้านเงียบ", "โทรไปก็เงียบ", "แจ้งแล้วยังเงียบ" ("เงียบ" alone is quiet, a good thing). */
const TH_SILENCE = /(?:ทัก|โทร|แชท|ติดต่อ|แจ้ง|ส่งข้อความ|อินบ็อกซ์|ถาม|ตาม)[^\n]{0,60}?เงียบ(?!สงบ)/

/**
 * Fourth round. Ordered one thing, got another of the same kind: "สั่งเผ็ดน้อย ได้เผ็ดมาก" (the two share
 * their first letters and differ after them).
 */
const TH_ORDER_GOT = /(?:สั่ง|จอง|ขอ|เลือก)([\u0e00-\u0e7f]{2,20}?(?:\s?[a-z0-9]{1,4})?)(?:\s+|\s*แต่\s*)(?:ได้|ส่งมา|มาเป็น|ได้เป็น|กลายเป็น|ให้มา|ทำมา|ร้านให้)([\u0e00-\u0e7f]{2,20}(?:\s?[a-z0-9]{1,4})?)/
/** Express paid for, days taken: "ส่งด่วนแต่ 4 วันถึง". */
const TH_PAID_FAST = /(?:ส่งด่วน|ด่วนพิเศษ|ems|ส่งไว)[^\n]{0,40}?(\d+|สอง|สาม|สี่|ห้า|หก|เจ็ด|หลาย)\s*(วัน|อาทิตย์|สัปดาห์)/
/** Paid already, and yet: "โอนแล้วแต่ยังไม่ได้ของ". */
const TH_ALREADY_BUT = /(?:จ่าย|โอน|จอง|มัดจำ|ชำระ)[\u0e00-\u0e7f]{0,15}?แล้ว\s*(?:แต่|ก็ยัง|ยังไม่)/

/**
 * Times of day in Thai: "10:30", "บ่ายโมง", "บ่ายสอง", "4 โมงเย็น", "10 โมง", "เที่ยง", "2 ทุ่ม". An
 * appointment ("นัด …") followed by a later time an hour or more after it was kept late: "นัด 10 โมง ได้
 * เจอหมอบ่ายโมง".
 */
const TH_HOURS: Record<string, number> = { หนึ่ง: 1, สอง: 2, สาม: 3, สี่: 4, ห้า: 5, หก: 6, เจ็ด: 7, แปด: 8, เก้า: 9, สิบ: 10, สิบเอ็ด: 11 }
const TH_TIME = /(\d{1,2})[:.](\d{2})|บ่าย\s*(\d{1,2}|สอง|สาม|สี่|ห้า)?\s*(?:โมง)?|(\d{1,2}|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบเอ็ด|สิบ)\s*โมง\s*(เย็น|เช้า)?|(เที่ยง)|(\d|หนึ่ง|สอง|สาม|สี่|ห้า)\s*ทุ่ม/g
const thHour = (s: string) => TH_HOURS[s] ?? Number(s)
function thaiTimes(text: string): number[] {
  const out: number[] = []
  for (const m of text.matchAll(TH_TIME)) {
    if (m[1] !== undefined) out.push(Number(m[1]) * 60 + Number(m[2]))
    else if (m[0].startsWith('บ่าย')) out.push((12 + (m[3] ? thHour(m[3]) : 1)) * 60)
    else if (m[4] !== undefined) {
      const h = thHour(m[4])
      out.push((m[5] === 'เย็น' || (!m[5] && h <= 5) ? h + 12 : h) * 60)
    } else if (m[6]) out.push(12 * 60)
    else if (m[7] !== undefined) out.push((18 + thHour(m[7])) * 60)
  }
  return out
}
const LATE_APPOINTMENT_MINUTES = 60

/** A rating as a fraction: "2/10", "9/10", "4.5/5"; a date ("on 5/5", "ngày 10/10") is not one. */
const RATING = /(?<![\d/.])(\d{1,2}(?:[.,]\d)?)\s*\/\s*(5|10)(?![\d/])/g
const DATE_BEFORE = /(?:on|by|from|until|till|to|since|ngày|ngay|hôm|hom|từ|tu|đến|den|vào|vao|วันที่|วัน|ถึง)\s*$/
/** A rating in stars given, in Vietnamese or Thai: "cho 1 sao", "ให้ 5 ดาว" ("khách sạn 5 sao" is a class of hotel). */
const STARS = /(?:cho|chấm|đánh giá|danh gia|vote|rate|ให้|คะแนน)\s*(\d(?:[.,]\d)?)\s*(?:sao|ดาว|⭐)/gu

function rating(text: string): number {
  let sum = 0
  for (const m of text.matchAll(RATING)) {
    const value = Number(m[1].replace(',', '.'))
    const out = Number(m[2])
    if (value > out || DATE_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 12), m.index))) continue
    sum += ratingWeight(value / out)
  }
  for (const m of text.matchAll(STARS)) sum += ratingWeight(Number(m[1].replace(',', '.')) / 5)
  return sum
}
const ratingWeight = (share: number) => (share >= 0.8 ? RATING_WEIGHT : share <= 0.4 ? -RATING_WEIGHT : 0)

/** The waits named in a text, in minutes, for a pattern whose groups are (verb, number, unit, and a half). */
function waits(text: string, re: RegExp, words: Record<string, number>): Array<{ verb: string; minutes: number }> {
  const out: Array<{ verb: string; minutes: number }> = []
  for (const m of text.matchAll(re)) {
    const [, verb, amount, unit] = m
    // Without a number only "ชั่วโมง" is a length of time ("รอเกือบชั่วโมง"): "รอวันหยุด" waits for a
    // day off, "รอชมวิว" to see the view.
    if (amount === undefined && unit !== 'ชั่วโมง') continue
    out.push({ verb, minutes: (amount === undefined ? 1 : number(amount, words)) * minutes(unit) * (m[4] ? 1.5 : 1) })
  }
  return out
}

/** Cheap tests first: a family is looked for only when a word it cannot do without is in the comment. */
const EN_UNITS = /\d\s*h\b|min|hour|hrs|day|week|month/
const VI_UNITS = /phút|phut|tiếng|tieng|giờ|gio|\dh|buổi|buoi|ngày|ngay|hôm|hom|tuần|tuan|tháng|thang|lần|lan|lượt|luot/
const TH_UNITS = /นาที|ชั่วโมง|ชม|วัน|อาทิตย์|สัปดาห์|เดือน/
const has = (text: string, ...cues: string[]) => {
  for (const c of cues) if (text.includes(c)) return true
  return false
}
const rated = (text: string) => text.includes('/') || has(text, 'sao', 'ดาว', '⭐')

/** The shared first letters of two strings. */
function sharedStart(a: string, b: string): number {
  let k = 0
  while (k < a.length && k < b.length && a[k] === b[k]) k++
  return k
}

/** A number of days ("9", "two", "a week" counts as seven), for express shipping that took days. */
const daysOf = (amount: string, unit: string, words: Record<string, number>) => number(amount, words) * (/^(?:week|tuần|tuan|อาทิตย์|สัปดาห์)/.test(unit) ? 7 : 1)

/** A span of the text to read as an order, not as praise or complaint: "ordered medium rare, got it well done". */
export type { Span }

export interface ComplaintFacts {
  /** What the facts add to the comment's sum. */
  weight: number
  /** A wait of 15 minutes or more was named (speed praised beside it is sarcasm). */
  waited: boolean
  /** Spans holding what was ordered and what came instead: their words describe, they do not judge. */
  orders: Span[]
}

/**
 * Fifth round. "Asked for rare, got rare": what came is what was asked for (its first word after "got"
 * among the words ordered), no mismatch.
 */
function sameThing(m: RegExpExecArray, text: string): boolean {
  const bare = (ws: string[]) => ws.map((w) => w.replace(/[^a-z]/g, '')).filter((w) => w && !ARTICLES.has(w))
  const asked = bare(m[0].split(/\s+/).slice(1)).slice(0, -1)
  const asked2 = asked[0] === 'for' ? asked.slice(1) : asked
  const got = bare(text.slice(m.index + m[0].length, m.index + m[0].length + 60).split(/[\s,.;!?]+/)).slice(0, asked2.length)
  return asked2.length > 0 && got.join(' ') === asked2.join(' ')
}
const ARTICLES = new Set(['a', 'an', 'the', 'it', 'my', 'our', 'but', 'and', 'i', 'we', 'they', 'then', 'only', 'instead'])

/** Where the clause that a match ends in ends: at punctuation, or "and" / "but" / "mà" / "nhưng". */
function clauseEnd(text: string, from: number): number {
  const m = /[.,;:!?\n]|\s(?:and|but|mà|nhưng|แต่)\s/u.exec(text.slice(from))
  return m ? from + m.index : text.length
}

/**
 * The complaints told as facts in a comment, for its language; the text lower-cased. Called once per
 * comment. The fifth round's shapes (plainFacts.ts: an expectation broken, a quantity gone wrong, a
 * time told as a wait, a problem named as a thing) add to the families here.
 */
export function complaintFacts(text: string, language: string | null): ComplaintFacts {
  const facts = familyFacts(text, language)
  const plain = plainFacts(text, language)
  if (!plain.weight) return facts
  // What was promised or advertised is masked as an order is: "advertised as fast wifi, but …" holds no praise.
  return { weight: facts.weight + plain.weight, waited: facts.waited || plain.waited, orders: plain.claims.length ? [...facts.orders, ...plain.claims] : facts.orders }
}

function familyFacts(text: string, language: string | null): ComplaintFacts {
  let sum = 0
  let waited = false
  const orders: Span[] = []
  const order = (m: RegExpExecArray | null) => {
    if (!m) return false
    orders.push([m.index, clauseEnd(text, m.index + m[0].length)])
    return true
  }
  if (language === 'vi') {
    // A wait named, or "… mới có": one complaint of waiting, however often it is told.
    if (VI_UNITS.test(text)) {
      const then = has(text, ' là ', ' la ') ? VI_THEN_CAME.exec(text) : null
      const thenMinutes = then ? number(then[1], VI_NUMBERS) * minutes(then[2]) : 0
      // Fifth round: "giao hàng mất mấy ngày vậy?" asks how long it takes: no wait.
      const asked = text.includes('?') && !/(?:^|[^\p{L}])(?:sao|tại sao|vì sao)(?![\p{L}])/u.test(text)
      if (waits(text, VI_WAIT, VI_NUMBERS).some((w) => w.minutes >= LONG_WAIT_MINUTES && !(asked && (w.verb === 'mất' || w.verb === 'mat'))) || VI_ONLY_THEN.test(text) || thenMinutes >= 40) {
        sum += WAIT_WEIGHT
        waited = true
      } else if (then && thenMinutes <= 30) sum += SPEED_WEIGHT
      if (has(text, 'lần', 'lan', 'lượt', 'luot', 'bận') && VI_REPEAT.test(text)) sum += REPEAT_WEIGHT
      const fast = has(text, 'hỏa tốc', 'hoả tốc', 'nhanh', 'express') ? VI_PAID_FAST.exec(text) : null
      if (fast && daysOf(fast[1], fast[2], VI_NUMBERS) >= 2) sum += MISMATCH_WEIGHT
    }
    if (has(text, 'phải', 'phai') && has(text, 'lại', 'lai') && VI_HAD_TO.test(text)) sum += REPEAT_WEIGHT
    if (has(text, 'một', 'mot') && VI_TWO_WAYS.test(text)) sum += MISMATCH_WEIGHT
    if (has(text, 'khác', 'khac') && VI_ELSEWHERE.test(text)) sum += ELSEWHERE_WEIGHT
    if (text.includes('rồi') && VI_ALREADY_BUT.test(text)) sum += MISMATCH_WEIGHT
    const got = has(text, 'giao', 'gửi', 'ship', 'mang ra', 'đưa', 'nhận', 'làm', 'ra ') && has(text, 'đặt', 'order', 'gọi', 'kêu', 'mua', 'chọn', 'book', 'yêu cầu', 'dặn') ? VI_ORDER_GOT.exec(text) : null
    if (got) {
      const x = got[1].split(/\s+/)
      const y = got[3].split(/\s+/)
      // Same kind, other variety ("đặt size M giao size L"); or, after "mà / nhưng", something else
      // altogether ("kêu bò tái mà mang ra chín nhừ": fifth round).
      const sameKind = y.includes(x[0]) && x.join(' ') !== y.slice(y.indexOf(x[0]), y.indexOf(x[0]) + x.length).join(' ')
      const other = (got[2] === 'mà' || got[2] === 'nhưng') && !y.some((w) => x.includes(w))
      if (!VI_TIME_HEADS.has(x[0]) && (sameKind || other) && order(got)) sum += MISMATCH_WEIGHT
    }
    if (text.includes('thay vì') && order(/(?:giao|gửi|làm|ra|nhận|đưa|mang)[^.!?]{0,40}?thay vì/u.exec(text))) sum += MISMATCH_WEIGHT
    if (rated(text)) sum += rating(text)
    return { weight: sum, waited, orders }
  }
  if (language === 'th') {
    // A length of time after a wait: the longest one counts, once.
    if (TH_UNITS.test(text) && Math.max(0, ...waits(text, TH_WAIT, TH_NUMBERS).map((w) => w.minutes)) >= LONG_WAIT_MINUTES) {
      sum += WAIT_WEIGHT
      waited = true
    }
    if (TH_UNTIL.test(text)) {
      sum += TOOK_WEIGHT
      waited = true
    }
    if (has(text, 'รอบ', 'ครั้ง', 'ที') && TH_REPEAT.test(text)) sum += REPEAT_WEIGHT
    if (text.includes('ต้อง') && TH_HAD_TO.test(text)) sum += REPEAT_WEIGHT
    if (text.includes('เงียบ') && TH_SILENCE.test(text)) sum += SILENCE_WEIGHT
    if (text.includes('อื่น') && TH_ELSEWHERE.test(text)) sum += ELSEWHERE_WEIGHT
    if (text.includes('แล้ว') && TH_ALREADY_BUT.test(text)) sum += MISMATCH_WEIGHT
    // An appointment, or a time promised ("บอกว่าจะส่งก่อนเที่ยง"), then a later time kept.
    let booked = text.indexOf('นัด')
    if (booked < 0 && !text.includes('เปิด')) booked = text.search(TH_PROMISED_TIME)
    if (booked >= 0 && !waited) {
      const times = thaiTimes(text.slice(booked))
      if (times.length >= 2 && times[times.length - 1] - times[0] >= LATE_APPOINTMENT_MINUTES) {
        sum += WAIT_WEIGHT
        waited = true
      }
    }
    const fast = has(text, 'ด่วน', 'ems', 'ส่งไว') ? TH_PAID_FAST.exec(text) : null
    if (fast && daysOf(fast[1], fast[2], TH_NUMBERS) >= 2) sum += MISMATCH_WEIGHT
    const got = has(text, 'สั่ง', 'จอง', 'ขอ', 'เลือก') ? TH_ORDER_GOT.exec(text) : null
    if (got && got[1] !== got[2] && sharedStart(got[1], got[2]) >= 2 && order(got)) sum += MISMATCH_WEIGHT
    if (rated(text)) sum += rating(text)
    return { weight: sum, waited, orders }
  }
  // The strongest wait named counts, once: waited 15 minutes or more, or it took 45 or more; a time
  // framed as short ("took only 20 minutes", "in under an hour") is praise instead.
  if (EN_UNITS.test(text)) {
    let wait = 0
    const short = EN_SHORT.test(text)
    if (!short)
      for (const w of waits(text, EN_WAIT, EN_NUMBERS)) {
        const waitedFor = !/^(?:took|take|takes|taking|after)$/.test(w.verb)
        // Fifth round: "delivery takes 2 days?", "it would take a week": a time asked about or foretold is no wait.
        if (!waitedFor && ((ASKED_TIME.test(text) && !/\b(?:why|how come)\b/.test(text)) || /\b(?:would|will|should|usually|normally)\s+(?:\w+\s+)?take/.test(text))) continue
        if (waitedFor ? w.minutes >= LONG_WAIT_MINUTES : w.minutes >= LONG_TOOK_MINUTES) wait = Math.min(wait, waitedFor ? WAIT_WEIGHT : TOOK_WEIGHT)
      }
    else sum += SPEED_WEIGHT
    waited = wait < 0
    sum += wait
    const fast = has(text, 'paid', 'pay', 'chose', 'booked') ? EN_PAID_FAST.exec(text) : null
    if (fast && daysOf(fast[1], fast[2], EN_NUMBERS) >= 2) sum += MISMATCH_WEIGHT
  }
  if (!waited && text.includes('until') && EN_NOT_UNTIL.test(text)) {
    sum += WAIT_WEIGHT
    waited = true
  }
  if (has(text, 'twice', 'thrice', 'times') && EN_REPEAT.test(text)) sum += REPEAT_WEIGHT
  else if (text.includes(' time ') && EN_NTH_TIME.test(text)) sum += REPEAT_WEIGHT
  // Fifth round: "never had to wait" is praise, not a chore.
  if (text.includes('had to') && EN_HAD_TO.test(text) && !/\b(?:never|not|no)\s+(?:\w+\s+)?had to\b/.test(text)) sum += REPEAT_WEIGHT
  const got = has(text, 'got', 'received', 'given', 'gave', 'ended up', 'brought', 'came') ? EN_MISMATCH.exec(text) : null
  // "Ordered a pizza, got it in 20 minutes": the same thing, and when it came.
  if (got && !EN_SAME_ITEM.test(text.slice(got.index + got[0].length)) && !sameThing(got, text) && order(got)) sum += MISMATCH_WEIGHT
  else if (text.includes('instead') && order(EN_INSTEAD.exec(text))) sum += MISMATCH_WEIGHT
  if (has(text, 'already', 'advance', 'ahead', 'beforehand', 'upfront', 'up front') && EN_ALREADY_BUT.test(text)) sum += MISMATCH_WEIGHT
  if (text.includes('/')) sum += rating(text)
  return { weight: sum, waited, orders }
}

/** The weight of the complaints told as facts in a comment (0 when none); the text lower-cased. */
export const complaintPatternWeight = (text: string, language: string | null): number => complaintFacts(text, language).weight
