/** The demo's story-world: a café chain with stores in Vietnam and Thailand. Texts are what customers would write. */
export type Lang = 'vi' | 'th' | 'en'

export const touchpoints = [
  { stage: 'Discover', channel: 'social', touchpoint: 'Facebook / Zalo / LINE page', bias: 0.3 },
  { stage: 'Discover', channel: 'web', touchpoint: 'Website', bias: 0.2 },
  { stage: 'Purchase', channel: 'store', touchpoint: 'Store counter', bias: 0.35 },
  { stage: 'Purchase', channel: 'app', touchpoint: 'Mobile app ordering', bias: -0.4 },
  { stage: 'Purchase', channel: 'web', touchpoint: 'Online checkout', bias: 0.0 },
  { stage: 'Receive', channel: 'delivery', touchpoint: 'Home delivery', bias: -0.7 },
  { stage: 'Receive', channel: 'store', touchpoint: 'Pick-up at store', bias: 0.3 },
  { stage: 'Support', channel: 'phone', touchpoint: 'Hotline', bias: -0.8 },
  { stage: 'Support', channel: 'social', touchpoint: 'Chat on Zalo / LINE', bias: 0.1 },
  { stage: 'Support', channel: 'email', touchpoint: 'Support email', bias: -0.3 },
] as const

export const locations = [
  { name: 'Hà Nội - Hoàn Kiếm', country: 'vn' },
  { name: 'TP.HCM - Quận 1', country: 'vn' },
  { name: 'Đà Nẵng - Hải Châu', country: 'vn' },
  { name: 'Bangkok - Sukhumvit', country: 'th' },
  { name: 'Chiang Mai - Nimman', country: 'th' },
  { name: 'Online', country: 'any' },
] as const

export const segments = ['Loyalty member', 'Walk-in', 'Office', 'Student'] as const

/**
 * Name parts the demo composes its customers' names from (a family name, a middle name, a given
 * name in Vietnamese order; a given name and a surname in Thai and English), so that 320 customers
 * do not share a handful of names — a customer list sorted by name would otherwise show the same
 * person twenty times. The original ten, eight and six full names stay reachable.
 */
export const customerNameParts = {
  vi: {
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'],
    middle: ['Thị', 'Văn', 'Quốc', 'Thu', 'Minh', 'Ngọc', 'Hoàng', 'Thanh', 'Đức', 'Mỹ', 'Gia', 'Bảo', 'Hữu', 'Khánh'],
    given: ['Lan', 'Huy', 'Hà', 'Tuấn', 'Ánh', 'Long', 'Thảo', 'Anh', 'Linh', 'Bảo', 'Trang', 'Nam', 'Hương', 'Dũng', 'Mai', 'Phúc', 'Quân', 'Vy', 'Khoa', 'Ngân', 'Sơn', 'Yến'],
  },
  th: {
    given: ['สมศรี', 'ธนพล', 'พิมพ์ชนก', 'อนุชา', 'กมลวรรณ', 'ณัฐวุฒิ', 'วิภาวี', 'ปิยะพงษ์', 'สุภาพร', 'กิตติศักดิ์', 'นันทนา', 'ชยพล', 'ศิริพร', 'ภานุวัฒน์', 'อรอุมา', 'วรเชษฐ์'],
    family: ['วงศ์ใหญ่', 'แก้วมณี', 'ศรีสวัสดิ์', 'บุญมา', 'ทองดี', 'จันทร์เพ็ญ', 'สุขสมบูรณ์', 'รุ่งเรือง', 'ประเสริฐศักดิ์', 'อินทรวงศ์', 'ศรีสุข', 'พรหมมา'],
  },
  en: {
    given: ['Emma', 'Daniel', 'Sarah', 'Tom', 'Linh', 'James', 'Olivia', 'Lucas', 'Mia', 'Noah', 'Chloe', 'Ethan'],
    family: ['Nguyen', 'Lee', 'Wongsakul', 'Harris', 'Tran', 'Park', 'Smith', 'Chen', 'Brown', 'Taylor'],
  },
} as const

/** Complaint and praise themes; complaints mostly concern the touchpoint they were given at. */
export const themes: ReadonlyArray<{ theme: string; polarity: -1 | 1; touchpoints?: string[]; text: Record<Lang, string[]> }> = [
  {
    theme: 'waiting',
    polarity: -1,
    touchpoints: ['Store counter', 'Pick-up at store'],
    text: {
      vi: ['Xếp hàng gần 15 phút mới tới lượt gọi món.', 'Giờ cao điểm chỉ có một quầy thu ngân, chờ lâu quá.', 'Đặt trước trên app mà đến quán vẫn phải đợi.'],
      th: ['ต่อคิวเกือบ 15 นาทีกว่าจะได้สั่ง', 'ช่วงเร่งด่วนมีแคชเชียร์แค่คนเดียว รอนานมาก', 'สั่งล่วงหน้าแล้วแต่ไปถึงร้านยังต้องรออีก'],
      en: ['Queued almost 15 minutes just to order.', 'Only one till open at rush hour, far too slow.', 'Pre-ordered in the app and still had to wait at the store.'],
    },
  },
  {
    theme: 'delivery',
    polarity: -1,
    touchpoints: ['Home delivery'],
    text: {
      vi: ['Giao trễ 40 phút, trà sữa tan hết đá.', 'Shipper giao nhầm đơn, phải gọi lại cửa hàng.', 'Ly bị đổ một nửa khi giao tới.'],
      th: ['ส่งช้าไป 40 นาที น้ำแข็งละลายหมด', 'ไรเดอร์ส่งผิดออเดอร์ ต้องโทรหาร้าน', 'แก้วหกไปครึ่งหนึ่งตอนส่งถึง'],
      en: ['Delivery was 40 minutes late and the ice had melted.', 'The rider brought someone else’s order.', 'Half the drink had spilled by the time it arrived.'],
    },
  },
  {
    theme: 'app',
    polarity: -1,
    touchpoints: ['Mobile app ordering', 'Online checkout'],
    text: {
      vi: ['Ứng dụng bị văng ra khi bấm thanh toán.', 'Không nhập được mã khuyến mãi trên app.', 'App báo thanh toán lỗi nhưng vẫn trừ tiền.'],
      th: ['แอปเด้งออกตอนกดจ่ายเงิน', 'ใส่โค้ดส่วนลดในแอปไม่ได้', 'แอปแจ้งว่าจ่ายไม่สำเร็จแต่เงินถูกตัดแล้ว'],
      en: ['The app closed itself when I tapped pay.', 'The promo code would not apply in the app.', 'App said payment failed but I was still charged.'],
    },
  },
  {
    theme: 'support',
    polarity: -1,
    touchpoints: ['Hotline', 'Support email', 'Chat on Zalo / LINE'],
    text: {
      vi: ['Gọi hotline ba lần không ai bắt máy.', 'Gửi email khiếu nại cả tuần chưa được trả lời.', 'Nhân viên tổng đài chuyển máy vòng vòng.'],
      th: ['โทรสายด่วนสามครั้งไม่มีคนรับ', 'ส่งอีเมลร้องเรียนไปเป็นสัปดาห์ยังไม่มีคำตอบ', 'พนักงานคอลเซ็นเตอร์โอนสายไปมา'],
      en: ['Called the hotline three times, nobody picked up.', 'My complaint e-mail has had no answer for a week.', 'The call centre kept transferring me around.'],
    },
  },
  {
    theme: 'price',
    polarity: -1,
    text: {
      vi: ['Giá tăng mà ly nhỏ hơn trước.', 'Phí giao hàng hơi cao so với quãng đường.'],
      th: ['ราคาขึ้นแต่แก้วเล็กลง', 'ค่าส่งแพงไปเมื่อเทียบกับระยะทาง'],
      en: ['Prices went up and the cups got smaller.', 'The delivery fee is steep for such a short distance.'],
    },
  },
  {
    theme: 'staff',
    polarity: 1,
    text: {
      vi: ['Nhân viên rất dễ thương, nhớ cả món quen của tôi.', 'Bạn pha chế tư vấn nhiệt tình.', 'Chị quản lý xử lý khiếu nại rất nhanh, cảm ơn!'],
      th: ['พนักงานน่ารักมาก จำเมนูประจำของฉันได้', 'บาริสต้าแนะนำเมนูดีมาก', 'ผู้จัดการร้านแก้ปัญหาให้เร็วมาก ขอบคุณค่ะ'],
      en: ['Lovely staff, they remember my usual.', 'The barista gave great recommendations.', 'The manager sorted out my complaint quickly, thank you!'],
    },
  },
  {
    theme: 'taste',
    polarity: 1,
    text: {
      vi: ['Cà phê muối ở đây ngon nhất Sài Gòn.', 'Bánh mới ra lò, thơm và mềm.', 'Trà đào cam sả vừa miệng, không quá ngọt.'],
      th: ['กาแฟเย็นอร่อยที่สุดในย่านนี้', 'ขนมอบใหม่ หอมและนุ่ม', 'ชาไทยรสชาติกลมกล่อม ไม่หวานเกินไป'],
      en: ['Best salted coffee in town.', 'Pastries fresh out of the oven, soft and fragrant.', 'Peach lemongrass tea was just right, not too sweet.'],
    },
  },
  {
    theme: 'ambience',
    polarity: 1,
    text: {
      vi: ['Không gian yên tĩnh, wifi mạnh, rất hợp để làm việc.', 'Quán sạch sẽ, nhạc nhẹ nhàng.'],
      th: ['ร้านเงียบสงบ ไวไฟแรง เหมาะกับการนั่งทำงาน', 'ร้านสะอาด เพลงเพราะ'],
      en: ['Quiet, strong wifi, great place to work.', 'Clean store with relaxed music.'],
    },
  },
]

export const owners = ['Lan (Quận 1)', 'Huy (CSKH)', 'Somchai (Sukhumvit)', 'Ploy (Support)']

export const followUpNotes: Record<Lang, string[]> = {
  vi: ['Đã gọi lại xin lỗi khách, tặng voucher 50k.', 'Đã chuyển cho đội giao hàng kiểm tra.', 'Khách đồng ý cho quán thêm một cơ hội.'],
  th: ['โทรกลับขอโทษลูกค้าแล้ว มอบคูปอง 50 บาท', 'ส่งเรื่องให้ทีมจัดส่งตรวจสอบแล้ว', 'ลูกค้ายินดีให้โอกาสร้านอีกครั้ง'],
  en: ['Called back to apologise, gave a voucher.', 'Passed to the delivery team to check.', 'Customer agreed to give us another try.'],
}
