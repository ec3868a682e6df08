/**
 * The lexicon a new workspace starts with: words and short phrases with a weight from −3 to +3,
 * negators (which flip the words after them) and intensifiers (which strengthen them), for English,
 * Vietnamese and Thai customer comments. Written for service businesses (cafés, shops, clinics,
 * delivery). Each workspace keeps its own editable copy.
 */
export interface LexiconEntry {
  term: string
  kind: 'word' | 'negator' | 'intensifier'
  weight: number
}

const words = (weight: number, terms: string) =>
  terms
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((term): LexiconEntry => ({ term, kind: 'word', weight }))
const negators = (terms: string) => terms.split(',').map((t): LexiconEntry => ({ term: t.trim(), kind: 'negator', weight: -0.8 }))
const intensifiers = (weight: number, terms: string) => terms.split(',').map((t): LexiconEntry => ({ term: t.trim(), kind: 'intensifier', weight }))

export const defaultLexicon: Record<'en' | 'vi' | 'th', LexiconEntry[]> = {
  en: [
    ...words(3, 'excellent, amazing, fantastic, outstanding, perfect, wonderful, love, loved, best, superb, awesome'),
    ...words(2, 'great, delicious, friendly, lovely, helpful, fast, quick, quickly, clean, tasty, fresh, recommend, happy, pleased, enjoy, enjoyed, nice, beautiful, polite, professional, kind, comfortable, easy, smooth, thank, thanks, thankful, satisfied, glad'),
    ...words(1, 'good, fine, ok, okay, quiet, cozy, relaxed, convenient, reasonable, fair, right, solved, sorted, fixed, resolved, efficient, warm, fragrant, soft, strong, patient'),
    ...words(-1, 'slow, late, expensive, pricey, small, smaller, noisy, crowded, confusing, waited, wait, waiting, queue, queued, cold, steep, spilled, melted, wrong, missing, mistake, issue, problem, problems, delay, delayed'),
    ...words(-2, 'bad, poor, rude, dirty, broken, crashed, crash, failed, fail, error, charged, overcharged, annoying, annoyed, disappointed, disappointing, unhelpful, unfriendly, complaint, complain, slowly, nobody, ignored, lost, bland, stale, unacceptable, frustrating, frustrated'),
    ...words(-3, 'terrible, awful, horrible, worst, disgusting, hate, hated, never again, scam, useless, rip off'),
    ...negators("not, no, never, isn't, wasn't, don't, doesn't, didn't, won't, can't, cannot, couldn't, hardly, without, nothing, neither, nor"),
    ...intensifiers(1.5, 'very, really, so, extremely, super, too, absolutely, totally, far, incredibly'),
    ...intensifiers(0.6, 'a bit, slightly, somewhat, a little, kind of'),
    // Grown for issue 15 from everyday review words and the demo's vocabulary.
    ...words(3, 'above and beyond, spot on, ten out of ten, spotless'),
    ...words(2, 'well done, impressed, impressive, seamless, welcoming, generous, cosy, cosier, favourite, favorite, pleasure, superb, brilliant, attentive, knowledgeable, recommendations, loyal'),
    ...words(1, 'decent, solid, value for money, improved, better, worth'),
    ...words(-1, 'loud, dry, bitter, overflowing, fault, meh, mediocre, cramped, hot, tasted off, no one, gave up, went up'),
    ...words(-2, 'lukewarm, sticky, watery, watered down, crashing, crashes, crashed, freezes, froze, overpriced, underwhelming, burnt, smelly, greasy, soggy, careless, transferred, transferring, negative'),
    ...words(-3, 'filthy, food poisoning, disgusted, inedible'),
  ],
  vi: [
    ...words(3, 'tuyệt vời, xuất sắc, hoàn hảo, rất thích, yêu, tuyệt, ngon nhất, tốt nhất'),
    ...words(2, 'ngon, thân thiện, nhiệt tình, dễ thương, nhanh, nhanh chóng, sạch sẽ, sạch, tươi, thơm, hài lòng, thích, vui, chu đáo, chuyên nghiệp, lịch sự, cảm ơn, tận tình, dễ chịu, ưng, ổn áp, đáng tiền, recommend'),
    ...words(1, 'tốt, ổn, được, yên tĩnh, mềm, vừa miệng, hợp lý, tiện, thoải mái, mạnh, đẹp, rẻ, nhẹ nhàng, kịp thời, xử lý'),
    ...words(-1, 'chậm, trễ, lâu, đắt, nhỏ, ồn, đông, chờ, đợi, xếp hàng, nguội, cao, đổ, tan, nhầm, sai, thiếu, lỗi, vấn đề, tăng giá, hơi'),
    ...words(-2, 'tệ, dở, kém, bẩn, hỏng, văng, thất vọng, khó chịu, bực, bực mình, thô lỗ, khiếu nại, phàn nàn, không ai, vòng vòng, trừ tiền, mất, nhạt, cáu'),
    ...words(-3, 'rất tệ, kinh khủng, tồi tệ, tệ nhất, ghê, lừa đảo, không bao giờ quay lại, quá tệ'),
    ...negators('không, chẳng, chả, chưa, đừng, chớ, không hề, chưa từng'),
    ...intensifiers(1.5, 'rất, quá, lắm, cực, cực kỳ, siêu, vô cùng, thật, thật sự, hết sức'),
    ...intensifiers(0.6, 'hơi, khá, một chút'),
    // Grown for issue 15: everyday and slang review words, the seed articles' vocabulary (tích cực, tiêu cực, quá tải,
    // trung thành…), and the compounds of the word list that hold a lexicon syllable (a compound is read as one word:
    // "nhỏ xíu" is not "nhỏ" unless it is here).
    ...words(3, 'đỉnh, đỉnh cao, xịn xò, mười điểm, 10 điểm'),
    ...words(2, 'chill, ủng hộ, tích cực, thuận tiện, tiện lợi, tốt đẹp, yêu thích, ấn tượng, tận tâm, nhanh nhẹn, tin tưởng, xịn, ngon lành, thơm ngon, đáng yêu, vui vẻ, niềm nở, hào hứng, tuyệt hảo'),
    ...words(1, 'mát, quay lại, ghé lại, trung thành, mạnh mẽ, cao cấp, ổn định, đáng, hợp, gắn kết, hiệu quả'),
    ...words(-1, 'chật, nóng, khô, chê, nhầm lẫn, cực nhọc, mất lòng, mãi, chậm chạp, lâu lắc, ngọt quá'),
    ...words(-2, 'dính, hôi, cau có, nhạt nhẽo, không nổi, tiêu cực, quá tải, tốn kém, thiếu sót, nhỏ xíu, ồn ào, đổ vỡ, chậm trễ, bất tiện, làm phiền, phiền, hư, đau bụng, cáu gắt, hách dịch, bỏ mặc, lơ, chán, mắc'),
    ...words(-3, 'tệ hại, kinh dị, lừa, không bao giờ ghé lại'),
    ...intensifiers(1.5, 'cực kì, thực sự, luôn'),
  ],
  th: [
    ...words(3, 'ยอดเยี่ยม, สุดยอด, ดีเยี่ยม, ประทับใจ, ชอบมาก, รักเลย, ที่สุด'),
    ...words(2, 'อร่อย, น่ารัก, เป็นกันเอง, รวดเร็ว, เร็ว, สะอาด, สด, หอม, พอใจ, ชอบ, ดีมาก, ขอบคุณ, เอาใจใส่, มืออาชีพ, สุภาพ, กลมกล่อม, แนะนำ, สบาย, ใส่ใจ'),
    ...words(1, 'ดี, โอเค, เงียบ, สงบ, นุ่ม, เหมาะ, คุ้ม, สะดวก, แรง, เพราะ, ถูก, แก้ปัญหา'),
    ...words(-1, 'ช้า, นาน, แพง, เล็ก, เสียงดัง, คน, รอ, คิว, เย็นชืด, หก, ละลาย, ผิด, ขาด, ปัญหา, ล่าช้า, ขึ้น'),
    ...words(-2, 'แย่, ไม่ดี, สกปรก, เสีย, เด้ง, ผิดหวัง, หงุดหงิด, รำคาญ, หยาบคาย, ร้องเรียน, ไม่มีคน, โอนสาย, ตัดเงิน, จืด, ห่วย'),
    ...words(-3, 'แย่มาก, แย่ที่สุด, เลวร้าย, โกง, ไม่กลับมาอีก, ห่วยแตก'),
    // Grown for issue 15: everyday and slang review words and the seed article's vocabulary (ความพึงพอใจ, ภักดี…).
    ...words(3, 'ปัง, ดีงาม, เลิศ, ฟิน'),
    ...words(2, 'ถูกใจ, ยิ้มแย้ม, เป็นมิตร, ทันใจ, คุ้มค่า, สวย, พึงพอใจ, ภักดี, เข้มข้น, ว้าว, จัดเต็ม, ใจดี, ประณีต, รวดเร็วทันใจ'),
    ...words(1, 'ไว, ง่าย, กำลังดี, ลงตัว, หอมมัน, ถูกปาก, ตรงเวลา, มาซ้ำ, มาอีก'),
    ...words(-1, 'แห้ง, แน่น, ร้อน, ขม, หวานไป, ช้าไป, ไม่ตรงปก, งง'),
    ...words(-2, 'เหนียว, ไม่มีใคร, กินไม่ได้, หน้าบึ้ง, ค้าง, เสียเวลา, เสียดาย, เสียดายเงิน, เหม็น, บูด, ไม่ได้เรื่อง, ไม่โอเค, แย่ลง, ปวดท้อง, วีน, เมิน, ช้ามาก, ไม่ได้คืน'),
    ...words(-3, 'ท้องเสีย, ไม่มาอีก, ไม่มาแล้ว, คงไม่มาแล้ว, เข็ด'),
    ...negators('ไม่, ไม่ได้, ไม่เคย, ไม่ค่อย, อย่า, ยังไม่'),
    ...intensifiers(1.5, 'มาก, มากๆ, สุดๆ, จริงๆ, เกินไป, โคตร, ที่สุด'),
    ...intensifiers(0.6, 'นิดหน่อย, ค่อนข้าง, บ้าง'),
  ],
}
