import { describe, expect, it } from 'vitest'
import { compileLexicons, scoreSentiment } from '../../../src-main/text/sentiment'
import { complaintPatternWeight } from '../../../src-main/text/complaintPatterns'
import { defaultLexicon } from '../../../src-main/text/defaultLexicon'
import { plainFacts } from '../../../src-main/text/plainFacts'
import { sentimentLabel } from '../../../src-shared/domain/sentiment'

/**
 * The fifth round of issue 15: complaints told as plain facts (src-main/text/plainFacts.ts) — an
 * expectation broken, a quantity gone wrong, a time told as a wait, a problem named as a thing — and
 * the neutral lines those shapes must leave alone (questions, requests, schedules, denials, repairs).
 * Every sentence here was written for this test; none is taken from the labelled samples of
 * tests/fixtures/sentiment/.
 */
const lexicons = compileLexicons(Object.entries(defaultLexicon).flatMap(([language, entries]) => entries.map((e) => ({ language, ...e }))))
const label = (text: string, language: string) => sentimentLabel(scoreSentiment(text, language, lexicons))
const weight = (text: string, language: string) => complaintPatternWeight(text.toLowerCase(), language)
type Row = readonly [string, string]

/** Each mechanism: comments it reads as complaints, and comments (neutral or praise) it must not touch. */
function mechanism(name: string, complaints: Row[], untouched: Array<readonly [string, string, 'neutral' | 'positive']>) {
  describe(name, () => {
    it.each(complaints)('reads a complaint told as a fact: %s "%s"', (language, text) => {
      expect(weight(text, language)).toBeLessThan(0)
      expect(label(text, language)).toBe('negative')
    })
    it.each(untouched)('leaves alone: %s "%s" (%s)', (language, text, expected) => {
      expect(plainFacts(text.toLowerCase(), language).weight).toBe(0)
      expect(label(text, language)).toBe(expected)
    })
  })
}

mechanism(
  'a promise, a listing or an advert, then not so',
  [
    ['en', 'The listing promised a sea view but the window faces a wall'],
    ['en', 'We were told the shuttle was included. It was not.'],
    ['en', 'The parcel was supposed to arrive on Monday'],
    ['vi', 'Shop hứa đổi hàng trong ngày mà giờ vẫn im'],
    ['vi', 'Quảng cáo phòng rộng view biển, thực tế nhìn ra bãi xe'],
    ['vi', 'Nhân viên nói là miễn phí giao hàng nhưng lúc nhận lại thu tiền ship'],
    ['th', 'โฆษณาว่าห้องกว้างวิวทะเล แต่ห้องจริงมองเห็นแต่ตึก'],
    ['th', 'แจ้งว่าช่างจะเข้าวันนี้ ปรากฏว่าเงียบหายทั้งวัน'],
    ['th', 'ร้านบอกว่าส่งฟรี แต่พอของมาถึงเก็บค่าส่ง 50'],
  ],
  [
    ['en', 'Food arrived exactly as promised, hot and on time', 'positive'],
    ['en', 'They said it would take a week but it was ready in two days, amazing', 'positive'],
    ['en', 'The pharmacist told me I did not need antibiotics and saved me money. Honest people.', 'positive'],
    ['en', 'What time are we supposed to check out?', 'neutral'],
    ['vi', 'Shop hẹn 3 ngày mà giao sớm hơn, quá ưng', 'positive'],
    ['vi', 'Hẹn gặp lại shop lần sau nha', 'neutral'],
    ['th', 'แอดมินบอกว่าของจะถึงพรุ่งนี้ค่ะ', 'neutral'],
  ],
)

mechanism(
  'a time promised, and a later one kept',
  [
    ['en', 'Our table was booked for 7pm and we were seated at 8:15'],
    ['en', 'Pickup was promised by 9am, the van came at 11'],
    ['th', 'แจ้งว่าจะมาตอนบ่ายสอง มาจริงห้าโมงเย็น'],
    ['th', 'บอกว่าจะส่งก่อนสิบโมง ของมาถึงบ่ายสาม'],
  ],
  [
    ['en', 'Booked for 7pm, seated at 7:05, lovely evening', 'positive'],
    ['en', 'Open from 8am, kitchen closes at 10pm', 'neutral'],
    ['th', 'ร้านเปิด 10 โมง ปิด 2 ทุ่มค่ะ', 'neutral'],
  ],
)

mechanism(
  'nobody, never or not + a service verb; not told',
  [
    ['en', 'Nobody called back about the broken tap'],
    ['en', 'The extra charge for the pool was never mentioned at check-in'],
    ['en', "They didn't even apologise for the mix-up"],
    ['en', 'The agent stopped replying after we paid the deposit'],
    ['vi', 'Gọi hotline cả buổi mà không ai bắt máy'],
    ['vi', 'Đổi lịch bay mà hãng không hề thông báo'],
    ['vi', 'Máy hỏng từ tuần trước, chưa ai tới sửa'],
    ['th', 'ร้านปิดกะทันหัน ไม่แจ้งลูกค้าเลย'],
    ['th', 'กดเรียกพนักงานตั้งนาน ไม่มีใครมาดู'],
    ['th', 'ส่งของผิดแล้วไม่ขอโทษสักคำ'],
  ],
  [
    ['en', 'The waiter never rushed us, lovely dinner', 'positive'],
    ['en', 'I have never come across such kind nurses', 'positive'],
    ['vi', 'Chưa bao giờ thất vọng với quán này, ngon lắm', 'positive'],
    ['vi', 'Không cần báo trước, cứ ghé qua là được', 'neutral'],
    ['th', 'ไม่ต้องแจ้งล่วงหน้าค่ะ แวะมาได้เลย', 'neutral'],
  ],
)

mechanism(
  'still not done, not credited',
  [
    ['en', 'Still waiting for the plumber they sent on Monday'],
    ['en', 'Returned the shoes, still no refund'],
    ['th', 'คืนของไปแล้ว ยังไม่ได้รับเงินคืนเลย'],
    ['th', 'โอนไปแล้วแต่แต้มไม่ขึ้น'],
  ],
  [
    ['en', 'Five years with this garage and still no complaints', 'positive'],
    ['en', 'Still not sure which plan to pick, any advice?', 'neutral'],
    ['th', 'ยังไม่ได้ลองเลยค่ะ ไว้มาเล่าให้ฟัง', 'neutral'],
  ],
)

mechanism(
  'even though it was paid, booked or promised',
  [
    ['en', 'They gave our table away even though we had booked a week ahead'],
    ['en', 'They would not let us board despite having a ticket'],
    ['vi', 'Tài xế đòi tiền mặt dù mình đã thanh toán qua ví'],
    ['th', 'โดนเรียกเก็บค่าจอดรถ ทั้งที่จองแพ็กเกจรวมที่จอดไว้'],
  ],
  [
    ['en', 'Even though it was packed, the staff were quick and kind', 'positive'],
    ['vi', 'Dù đông khách nhưng món ra nhanh, ngon', 'positive'],
    ['th', 'ถึงคนจะเยอะ แต่ได้อาหารไว อร่อยมาก', 'positive'],
  ],
)

mechanism(
  'having to do it oneself; a fault that keeps happening',
  [
    ['en', 'Had to carry our own bags up four floors'],
    ['en', 'Ended up paying for a taxi to the airport ourselves'],
    ['en', 'The app keeps logging me out halfway through payment'],
    ['vi', 'Phòng không có khăn, phải tự đi mua'],
    ['vi', 'Xe không tới, cuối cùng đành bắt taxi'],
    ['th', 'แอร์ไม่ทำงาน จำใจนอนร้อนทั้งคืน'],
    ['th', 'ไม่มีคนยกของ ต้องแบกขึ้นชั้นสามเอง'],
  ],
  [
    ['en', 'Never had to wait, the staff were on it straight away', 'positive'],
    ['en', 'The barista keeps getting better, best flat white in town', 'positive'],
    ['vi', 'Không phải tự làm gì cả, nhân viên lo hết, rất chu đáo', 'positive'],
  ],
)

mechanism(
  'an excuse, or the blame put on the customer',
  [
    ['en', 'The cleaner ruined my jacket and blamed it on the fabric'],
    ['en', 'They said it was my fault the screen cracked'],
    ['vi', 'Làm hỏng điện thoại rồi đổ lỗi cho khách'],
    ['vi', 'Giao trễ hai ngày còn viện cớ mưa to'],
    ['th', 'ส่งช้าสองวัน อ้างว่าฝนตก'],
    ['th', 'ทำเสื้อขาด แล้วโทษลูกค้า'],
  ],
  [
    ['en', 'My fault for not booking, but they still found us a table. Lovely.', 'positive'],
    ['vi', 'Giao hàng nhanh, đóng gói kỹ', 'positive'],
    ['th', 'ส่งไว แพ็คดีมากค่ะ', 'positive'],
  ],
)

mechanism(
  'leaving for good, told plainly',
  [
    ['en', "We won't be booking with this agency again"],
    ['en', "I'm switching banks after this"],
    ['vi', 'Lần cuối đặt đồ ở tiệm này'],
    ['vi', 'Không quay lại tiệm này nữa'],
    ['th', 'ไม่ซื้อร้านนี้อีกแล้ว'],
    ['th', 'เลิกอุดหนุนแล้วค่ะ'],
  ],
  [
    ['en', 'Will be coming back with friends!', 'positive'],
    ['vi', 'Lần cuối mình ăn ở đây là năm ngoái, vẫn ngon như xưa', 'positive'],
    ['th', 'ซ่อมครั้งเดียวจบ ไม่ต้องไปอีก ช่างเก่งมากค่ะ', 'positive'],
  ],
)

mechanism(
  'charged for what was never ordered',
  [
    ['en', 'The bill had two desserts on it that we never ordered'],
    ['en', 'They charged me for a minibar I did not use'],
    ['vi', 'Hóa đơn tính luôn món mình không gọi'],
    ['vi', 'Bill cộng thêm chai nước mà bàn mình không dùng'],
    ['th', 'ในบิลมีค่าน้ำที่ไม่ได้สั่ง'],
    ['th', 'โดนคิดค่ามินิบาร์ที่ไม่ได้ใช้'],
  ],
  [
    ['en', "We didn't order dessert but they brought one on the house. So sweet of them!", 'positive'],
    ['vi', 'Mình không gọi mà quán tặng thêm chè, dễ thương ghê', 'positive'],
    ['th', 'ยังไม่ได้สั่งเลย ขอเมนูหน่อยค่ะ', 'neutral'],
  ],
)

mechanism(
  'a fee added, or more asked for',
  [
    ['en', 'They added a service charge nobody told us about'],
    ['en', 'The driver wanted an extra 100 baht on top of the meter'],
    ['vi', 'Quán làm tròn lên 10k mỗi món'],
    ['vi', 'Ra về mới biết bị thu phụ phí'],
    ['th', 'คนขับขอเก็บเงินเพิ่มอีก 100'],
    ['th', 'ร้านคิดเงินเกินจากที่ตกลงกัน'],
  ],
  [
    ['en', 'We added a tip because the service was so good', 'positive'],
    ['en', 'We asked for more rice and it came straight away', 'positive'],
    ['vi', 'Sửa xong không thu thêm đồng nào, uy tín', 'positive'],
    ['th', 'ซ่อมเสร็จไม่เก็บเงินเพิ่มเลย ใจดีมาก', 'positive'],
  ],
)

mechanism(
  'less than was paid for or ordered',
  [
    ['en', 'Got short-changed at the market stall'],
    ['en', 'The two-hour tour lasted barely 70 minutes'],
    ['en', 'We ordered four spring rolls and only two arrived'],
    ['vi', 'Đặt 3 phần cơm mà chỉ giao có 2 phần'],
    ['vi', 'Chuyển 500k mà ví chỉ nhận 300k'],
    ['th', 'สั่งข้าวสามกล่อง ส่งมาแค่สองกล่อง'],
    ['th', 'จ่ายไปสามชั่วโมง ได้นวดแค่สองชั่วโมง'],
  ],
  [
    ['en', 'The fix only took ten minutes, brilliant', 'positive'],
    ['vi', 'Ăn no nê mà chỉ có 50k, quá rẻ', 'positive'],
    ['th', 'ใช้เวลาแค่สิบนาที เร็วมาก', 'positive'],
  ],
)

mechanism(
  'a length of time, then still not; late by it; down for it',
  [
    ['en', 'Two weeks and still no word on my warranty claim'],
    ['en', 'The guide turned up 40 minutes late'],
    ['en', 'Hot water has been off for three days'],
    ['vi', 'Gửi máy đi bảo hành 2 tuần rồi vẫn chưa thấy trả'],
    ['vi', 'Nhắn shop mãi không thấy rep'],
    ['th', 'ส่งซ่อมสองอาทิตย์แล้ว ยังไม่ได้เครื่องคืน'],
    ['th', 'เน็ตเสียมาสามวันแล้ว'],
  ],
  [
    ['en', 'Does delivery usually take 2 days?', 'neutral'],
    ['en', 'We are open until 10pm every day', 'neutral'],
    ['vi', '5 năm rồi chưa bao giờ thất vọng', 'positive'],
    ['vi', 'Mới dùng hai hôm, chắc vài tuần nữa mới biết', 'neutral'],
    ['th', 'ใช้มาสามปีแล้ว ยังไม่เคยเสียเลย', 'positive'],
  ],
)

mechanism(
  'a problem named as a thing',
  [
    ['en', 'Found a long hair in the noodle soup'],
    ['en', 'There were brown stains on both pillows'],
    ['en', 'The movers left scuff marks all over the hallway'],
    ['vi', 'Áo giao tới có vết bẩn ngay cổ'],
    ['vi', 'Phòng có mùi ẩm, chăn thì có tóc'],
    ['th', 'โต๊ะมีคราบเต็มเลย'],
    ['th', 'ผ้าปูที่นอนมีรอยเปื้อน'],
    ['th', 'เปิดกล่องมาเจอมดเต็ม'],
  ],
  [
    ['en', 'They got the red wine stain out of my shirt, amazing work', 'positive'],
    ['en', 'Car came back without a single scratch', 'positive'],
    ['en', 'Great hair stylist, I love the cut', 'positive'],
    ['vi', 'Phòng sạch, không có mùi gì, rất thích', 'positive'],
    ['th', 'ห้องสะอาด ไม่มีกลิ่นอับเลยค่ะ', 'positive'],
    ['th', 'พนักงานมีรอยยิ้มตลอด บริการดีมาก', 'positive'],
  ],
)

mechanism(
  'a price stated, then a higher one charged',
  [
    ['en', 'The menu says 90k for the noodles, they charged me 120k'],
    ['vi', 'Bảng giá ghi 150k, ra quầy tính 200k'],
    ['th', 'ป้ายบอก 59 บาท คิดเงินจริง 79 บาท'],
  ],
  [
    ['en', 'The menu says 120k for the set, does that include a drink?', 'neutral'],
    ['vi', 'Có tính thêm phí không ạ?', 'neutral'],
    ['th', 'มีค่าบริการเพิ่มไหมคะ', 'neutral'],
  ],
)

describe('questions and requests keep the shapes neutral', () => {
  it.each([
    ['en', 'Had to reschedule, can we do Thursday?'],
    ['en', 'Is there a fee for late checkout?'],
    ['en', 'Could you remove the stain from my jacket?'],
    ['vi', 'Shop nói là mai giao đúng không ạ?'],
    ['vi', 'Tiệm có nhận tẩy vết ố trên áo trắng không?'],
    ['th', 'ยังไม่ได้โอนนะคะ ขอเลขบัญชีหน่อยค่ะ'],
    ['th', 'แจ้งว่าพรุ่งนี้ส่งใช่ไหมคะ'],
  ])('%s "%s"', (language, text) => {
    expect(plainFacts(text.toLowerCase(), language).weight).toBe(0)
    expect(label(text, language)).toBe('neutral')
  })

  it('asks nothing with "why": a complaint', () => {
    expect(label('Why did nobody call me back?', 'en')).toBe('negative')
    expect(label('Why does it take 3 days to answer one email?', 'en')).toBe('negative')
  })

  it('reads a duration asked about, or foretold, as no wait', () => {
    expect(label('Does delivery take 2 days?', 'en')).toBe('neutral')
    expect(weight('Delivery takes 2 days?', 'en')).toBe(0)
    expect(weight('Giao hàng mất mấy ngày vậy shop?', 'vi')).toBe(0)
  })
})

describe('words in quotation marks are not the customer verdict', () => {
  it.each([
    ['en', "The so-called 'express service' took a week", 'negative'],
    ['en', 'Please write "Best Dad Ever" on the card', 'neutral'],
    ['vi', "Ghi giúp chữ 'Chúc mừng sinh nhật, yêu em' lên bánh nha", 'neutral'],
    ['en', 'Honestly the best laksa in town', 'positive'],
  ] as const)('%s "%s" is %s', (language, text, expected) => {
    expect(label(text, language)).toBe(expected)
  })
})

describe('got other than ordered (round 4, widened)', () => {
  it.each([
    ['en', 'Asked for the sauce on the side and it came drowned in it', 'negative'],
    ['vi', 'Gọi trà nóng mà mang ra trà đá', 'negative'],
    ['en', 'Asked for extra spicy, got extra spicy. Perfect.', 'positive'],
    ['en', 'Ordered the set lunch and it came out quickly, really tasty', 'positive'],
  ] as const)('%s "%s" is %s', (language, text, expected) => {
    expect(label(text, language)).toBe(expected)
  })
})
