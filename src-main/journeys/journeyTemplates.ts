import type { JourneyTemplateId } from '../../src-shared/api/journeys'
import type { Locale } from '../../src-shared/domain/locales'
import { newId } from '../../src-shared/domain/journeys/ids'
import { canonical } from '../../src-shared/domain/journeys/grid'
import type { CardColor, CardIcon, ChannelKind, JourneyDoc, Lane, LaneType, ScoreLink, Step } from '../../src-shared/domain/journeys/model'
import { translator } from '../../src-shared/i18n/translate'

/** A text in the three UI languages: English, Vietnamese, Thai. */
type L = readonly [en: string, vi: string, th: string]

interface CardSpec {
  lane: LaneType
  stage: number
  step?: number
  text: L
  channel?: ChannelKind
  icon?: CardIcon
  color?: CardColor
  link?: ScoreLink
}

export interface TemplateSpec {
  scenario: L
  persona: { name: L; avatar: string; goals: L; frustrations: L; quote: L; demographics: L } | null
  stages: { name: L; color: CardColor; steps?: L[] }[]
  lanes: LaneType[]
  cards: CardSpec[]
  /** The imagined emotion at each step, left to right (−100…+100). */
  emotions?: number[]
}

const standardLanes: LaneType[] = ['actions', 'thoughts', 'touchpoints', 'emotion', 'pains', 'ideas', 'owners', 'kpis', 'scores']

const fiveEs: TemplateSpec = {
  scenario: ['From first hearing about us to coming back and recommending us.', 'Từ lần đầu biết đến chúng tôi đến khi quay lại và giới thiệu cho người khác.', 'ตั้งแต่รู้จักเราครั้งแรกจนถึงกลับมาใช้ซ้ำและแนะนำต่อ'],
  persona: null,
  stages: [
    { name: ['Entice', 'Lôi kéo', 'ดึงดูดความสนใจ'], color: 'purple' },
    { name: ['Enter', 'Tham gia', 'เข้ามาใช้บริการ'], color: 'blue' },
    { name: ['Engage', 'Tương tác', 'มีส่วนร่วม'], color: 'teal' },
    { name: ['Exit', 'Thoát', 'ออกจากบริการ'], color: 'orange' },
    { name: ['Extend', 'Mở rộng', 'สานต่อความสัมพันธ์'], color: 'green' },
  ],
  lanes: standardLanes,
  cards: [
    { lane: 'actions', stage: 0, text: ['Notices an ad or hears from a friend', 'Thấy quảng cáo hoặc nghe bạn bè giới thiệu', 'เห็นโฆษณาหรือได้ยินจากเพื่อน'] },
    { lane: 'actions', stage: 1, text: ['Visits for the first time', 'Ghé thăm lần đầu', 'เข้ามาใช้บริการครั้งแรก'] },
    { lane: 'actions', stage: 2, text: ['Uses the product or service', 'Sử dụng sản phẩm hoặc dịch vụ', 'ใช้สินค้าหรือบริการ'] },
    { lane: 'actions', stage: 3, text: ['Pays and leaves', 'Thanh toán và ra về', 'ชำระเงินและกลับออกไป'] },
    { lane: 'actions', stage: 4, text: ['Comes back, shares a review', 'Quay lại, chia sẻ đánh giá', 'กลับมาอีกครั้ง แชร์รีวิว'] },
    { lane: 'thoughts', stage: 0, text: ['“Is this for someone like me?”', '“Cái này có hợp với mình không?”', '“อันนี้เหมาะกับคนอย่างเราไหม”'] },
    { lane: 'thoughts', stage: 3, text: ['“Was it worth the money?”', '“Có đáng đồng tiền không?”', '“คุ้มกับเงินที่จ่ายไหม”'] },
    { lane: 'touchpoints', stage: 0, channel: 'social', text: ['Social media post', 'Bài đăng mạng xã hội', 'โพสต์บนโซเชียลมีเดีย'] },
    { lane: 'touchpoints', stage: 1, channel: 'web', text: ['Website', 'Trang web', 'เว็บไซต์'] },
    { lane: 'touchpoints', stage: 2, channel: 'store', text: ['Service counter', 'Quầy phục vụ', 'เคาน์เตอร์บริการ'] },
    { lane: 'touchpoints', stage: 4, channel: 'email', text: ['Thank-you e-mail and survey', 'Email cảm ơn và khảo sát', 'อีเมลขอบคุณและแบบสำรวจ'] },
    { lane: 'pains', stage: 1, text: ['Hard to find opening hours and prices', 'Khó tìm giờ mở cửa và bảng giá', 'หาเวลาเปิดปิดและราคาไม่เจอ'] },
    { lane: 'ideas', stage: 4, text: ['Loyalty reward on the third visit', 'Ưu đãi thành viên ở lần ghé thứ ba', 'ให้รางวัลสมาชิกเมื่อมาครั้งที่สาม'] },
    { lane: 'owners', stage: 0, text: ['Marketing', 'Marketing', 'ฝ่ายการตลาด'] },
    { lane: 'owners', stage: 2, text: ['Operations', 'Vận hành', 'ฝ่ายปฏิบัติการ'] },
    { lane: 'kpis', stage: 4, text: ['Return rate, NPS', 'Tỷ lệ quay lại, NPS', 'อัตราการกลับมาซื้อซ้ำ, NPS'] },
  ],
  emotions: [20, 0, 40, -10, 50],
}

const cafe: TemplateSpec = {
  scenario: ['A regular orders a drink on the way to work, in the store or through the app.', 'Khách quen gọi đồ uống trên đường đi làm, tại quán hoặc qua ứng dụng.', 'ลูกค้าประจำสั่งเครื่องดื่มระหว่างทางไปทำงาน ที่ร้านหรือผ่านแอป'],
  persona: {
    name: ['Linh, office worker', 'Linh, nhân viên văn phòng', 'ลินห์ พนักงานออฟฟิศ'],
    avatar: 'L',
    goals: ['A good coffee in under five minutes before work.', 'Một ly cà phê ngon trong vòng năm phút trước giờ làm.', 'กาแฟอร่อยภายในห้านาทีก่อนเข้างาน'],
    frustrations: ['Queues at rush hour; the app losing her order.', 'Xếp hàng giờ cao điểm; ứng dụng làm mất đơn.', 'ต่อคิวช่วงเร่งด่วน แอปทำออเดอร์หาย'],
    quote: ['“I just want my usual, fast.”', '“Tôi chỉ muốn món quen, thật nhanh.”', '“ขอแค่เมนูประจำ เร็ว ๆ”'],
    demographics: ['28, lives in District 1, loyalty member, orders 4 times a week.', '28 tuổi, sống ở Quận 1, thành viên thân thiết, mua 4 lần mỗi tuần.', 'อายุ 28 ปี สมาชิกบัตรสะสมแต้ม สั่ง 4 ครั้งต่อสัปดาห์'],
  },
  stages: [
    { name: ['Discover', 'Khám phá', 'ค้นพบ'], color: 'purple' },
    { name: ['Order', 'Gọi món', 'สั่งซื้อ'], color: 'blue', steps: [['In store', 'Tại quán', 'ที่ร้าน'], ['In the app', 'Trên ứng dụng', 'ในแอป']] },
    { name: ['Receive', 'Nhận món', 'รับสินค้า'], color: 'teal', steps: [['Pick-up', 'Nhận tại quán', 'รับที่ร้าน'], ['Delivery', 'Giao hàng', 'จัดส่ง']] },
    { name: ['Enjoy', 'Thưởng thức', 'เพลิดเพลิน'], color: 'green' },
    { name: ['Support', 'Hỗ trợ', 'บริการหลังการขาย'], color: 'orange' },
  ],
  lanes: standardLanes,
  cards: [
    { lane: 'actions', stage: 0, text: ['Sees a friend’s post about the new drink', 'Thấy bạn đăng về món mới', 'เห็นเพื่อนโพสต์เมนูใหม่'] },
    { lane: 'actions', stage: 1, step: 0, text: ['Queues and orders at the counter', 'Xếp hàng và gọi món tại quầy', 'ต่อคิวสั่งที่เคาน์เตอร์'] },
    { lane: 'actions', stage: 1, step: 1, text: ['Orders ahead in the app', 'Đặt trước trên ứng dụng', 'สั่งล่วงหน้าในแอป'] },
    { lane: 'actions', stage: 2, step: 0, text: ['Collects the drink', 'Lấy đồ uống', 'รับเครื่องดื่ม'] },
    { lane: 'actions', stage: 2, step: 1, text: ['Waits for the rider', 'Chờ shipper', 'รอไรเดอร์'] },
    { lane: 'actions', stage: 4, text: ['Calls the hotline about a wrong order', 'Gọi hotline vì giao nhầm đơn', 'โทรสายด่วนเรื่องออเดอร์ผิด'] },
    { lane: 'thoughts', stage: 1, step: 0, text: ['“Why is only one till open?”', '“Sao chỉ mở một quầy thu ngân?”', '“ทำไมเปิดแคชเชียร์แค่ช่องเดียว”'] },
    { lane: 'thoughts', stage: 3, text: ['“Best salted coffee in town.”', '“Cà phê muối ngon nhất phố.”', '“กาแฟอร่อยที่สุดในย่านนี้”'] },
    { lane: 'touchpoints', stage: 0, channel: 'social', text: ['Fanpage / Zalo / LINE', 'Fanpage / Zalo / LINE', 'เพจ / Zalo / LINE'] },
    { lane: 'touchpoints', stage: 1, step: 0, channel: 'store', text: ['Store counter', 'Quầy gọi món', 'เคาน์เตอร์ร้าน'] },
    { lane: 'touchpoints', stage: 1, step: 1, channel: 'app', text: ['Mobile app ordering', 'Đặt món qua ứng dụng', 'สั่งผ่านแอปมือถือ'] },
    { lane: 'touchpoints', stage: 2, step: 0, channel: 'store', text: ['Pick-up shelf', 'Kệ nhận món', 'ชั้นรับสินค้า'] },
    { lane: 'touchpoints', stage: 2, step: 1, channel: 'delivery', text: ['Home delivery', 'Giao hàng tận nơi', 'ส่งถึงบ้าน'] },
    { lane: 'touchpoints', stage: 4, channel: 'phone', text: ['Hotline', 'Hotline', 'สายด่วน'] },
    { lane: 'pains', stage: 1, step: 0, text: ['15-minute queue at rush hour', 'Xếp hàng 15 phút giờ cao điểm', 'ต่อคิว 15 นาทีช่วงเร่งด่วน'] },
    { lane: 'pains', stage: 2, step: 1, text: ['Late delivery, melted ice', 'Giao trễ, đá tan hết', 'ส่งช้า น้ำแข็งละลาย'] },
    { lane: 'pains', stage: 4, text: ['Nobody answers the hotline', 'Gọi hotline không ai nghe', 'โทรสายด่วนไม่มีคนรับ'] },
    { lane: 'ideas', stage: 1, step: 0, text: ['Second till from 7 to 9 am', 'Mở thêm quầy thu ngân từ 7 đến 9 giờ', 'เปิดแคชเชียร์เพิ่มช่วง 7–9 โมง'] },
    { lane: 'ideas', stage: 4, text: ['Call-back within 2 hours', 'Gọi lại khách trong vòng 2 giờ', 'โทรกลับลูกค้าภายใน 2 ชั่วโมง'] },
    { lane: 'owners', stage: 1, step: 0, text: ['Store manager', 'Quản lý cửa hàng', 'ผู้จัดการร้าน'] },
    { lane: 'owners', stage: 4, text: ['Customer care', 'Chăm sóc khách hàng', 'ฝ่ายบริการลูกค้า'] },
    { lane: 'kpis', stage: 1, step: 0, text: ['Wait time < 5 min', 'Thời gian chờ < 5 phút', 'เวลารอ < 5 นาที'] },
    { lane: 'kpis', stage: 4, text: ['Time to resolution < 24 h', 'Thời gian xử lý < 24 giờ', 'เวลาแก้ไขปัญหา < 24 ชม.'] },
  ],
  emotions: [40, -30, 10, 30, -40, 70, -60],
}

const onlineShop: TemplateSpec = {
  scenario: ['A shopper buys a gift online and has it delivered.', 'Người mua chọn một món quà trên mạng và được giao tận nhà.', 'ลูกค้าซื้อของขวัญออนไลน์และให้จัดส่งถึงบ้าน'],
  persona: null,
  stages: [
    { name: ['Browse', 'Tìm kiếm', 'เลือกดูสินค้า'], color: 'purple' },
    { name: ['Checkout', 'Thanh toán', 'ชำระเงิน'], color: 'blue' },
    { name: ['Delivery', 'Giao hàng', 'จัดส่ง'], color: 'teal' },
    { name: ['Use', 'Sử dụng', 'ใช้งาน'], color: 'green' },
    { name: ['Returns & support', 'Đổi trả & hỗ trợ', 'คืนสินค้าและบริการ'], color: 'orange' },
  ],
  lanes: standardLanes,
  cards: [
    { lane: 'actions', stage: 0, text: ['Compares products and reviews', 'So sánh sản phẩm và đánh giá', 'เปรียบเทียบสินค้าและรีวิว'] },
    { lane: 'actions', stage: 1, text: ['Enters address, pays by e-wallet', 'Nhập địa chỉ, trả bằng ví điện tử', 'กรอกที่อยู่ จ่ายด้วยอีวอลเล็ต'] },
    { lane: 'actions', stage: 2, text: ['Tracks the parcel', 'Theo dõi đơn hàng', 'ติดตามพัสดุ'] },
    { lane: 'actions', stage: 4, text: ['Asks to exchange the size', 'Yêu cầu đổi cỡ', 'ขอเปลี่ยนไซซ์'] },
    { lane: 'touchpoints', stage: 0, channel: 'web', text: ['Product page', 'Trang sản phẩm', 'หน้าสินค้า'] },
    { lane: 'touchpoints', stage: 1, channel: 'web', text: ['Online checkout', 'Thanh toán trực tuyến', 'ชำระเงินออนไลน์'] },
    { lane: 'touchpoints', stage: 2, channel: 'delivery', text: ['Courier', 'Đơn vị vận chuyển', 'บริษัทขนส่ง'] },
    { lane: 'touchpoints', stage: 4, channel: 'chat', text: ['Chat support', 'Hỗ trợ qua chat', 'แชตกับฝ่ายบริการ'] },
    { lane: 'pains', stage: 1, text: ['Shipping fee appears only at the end', 'Phí vận chuyển chỉ hiện ở bước cuối', 'ค่าส่งโผล่มาตอนท้าย'] },
    { lane: 'pains', stage: 4, text: ['Return label is hard to print', 'Khó in nhãn trả hàng', 'พิมพ์ใบคืนสินค้ายาก'] },
    { lane: 'ideas', stage: 1, text: ['Show the delivery fee on the product page', 'Hiện phí giao hàng ngay trên trang sản phẩm', 'แสดงค่าส่งในหน้าสินค้า'] },
    { lane: 'owners', stage: 2, text: ['Logistics', 'Kho vận', 'ฝ่ายโลจิสติกส์'] },
    { lane: 'kpis', stage: 1, text: ['Cart abandonment rate', 'Tỷ lệ bỏ giỏ hàng', 'อัตราการทิ้งตะกร้า'] },
  ],
  emotions: [30, -20, 10, 50, -30],
}

const clinic: TemplateSpec = {
  scenario: ['A patient books a check-up, visits the clinic and follows up on results.', 'Bệnh nhân đặt lịch khám, đến phòng khám và theo dõi kết quả.', 'ผู้ป่วยนัดตรวจสุขภาพ มาที่คลินิก และติดตามผลตรวจ'],
  persona: null,
  stages: [
    { name: ['Book', 'Đặt lịch', 'นัดหมาย'], color: 'purple' },
    { name: ['Arrive', 'Đến khám', 'มาถึงคลินิก'], color: 'blue' },
    { name: ['Consultation', 'Khám bệnh', 'พบแพทย์'], color: 'teal' },
    { name: ['Pay & pharmacy', 'Thanh toán & nhận thuốc', 'ชำระเงินและรับยา'], color: 'yellow' },
    { name: ['Follow-up', 'Tái khám', 'ติดตามผล'], color: 'green' },
  ],
  lanes: standardLanes,
  cards: [
    { lane: 'actions', stage: 0, text: ['Books by phone or online', 'Đặt lịch qua điện thoại hoặc trực tuyến', 'นัดทางโทรศัพท์หรือออนไลน์'] },
    { lane: 'actions', stage: 1, text: ['Registers and waits', 'Đăng ký và chờ gọi tên', 'ลงทะเบียนและรอเรียกชื่อ'] },
    { lane: 'actions', stage: 2, text: ['Talks to the doctor', 'Trao đổi với bác sĩ', 'พูดคุยกับแพทย์'] },
    { lane: 'actions', stage: 4, text: ['Receives results', 'Nhận kết quả', 'รับผลตรวจ'] },
    { lane: 'thoughts', stage: 2, text: ['“Will I understand what the doctor says?”', '“Mình có hiểu bác sĩ nói gì không?”', '“จะเข้าใจที่หมอพูดไหม”'] },
    { lane: 'touchpoints', stage: 0, channel: 'phone', text: ['Booking line', 'Tổng đài đặt lịch', 'สายนัดหมาย'] },
    { lane: 'touchpoints', stage: 1, channel: 'store', text: ['Reception desk', 'Quầy tiếp đón', 'เคาน์เตอร์ต้อนรับ'] },
    { lane: 'touchpoints', stage: 2, channel: 'store', text: ['Consultation room', 'Phòng khám', 'ห้องตรวจ'] },
    { lane: 'touchpoints', stage: 4, channel: 'app', text: ['Results in the app', 'Kết quả trên ứng dụng', 'ผลตรวจในแอป'] },
    { lane: 'pains', stage: 1, text: ['Waiting over an hour despite a booking', 'Đã đặt lịch vẫn chờ hơn một tiếng', 'นัดแล้วยังรอเกินชั่วโมง'] },
    { lane: 'ideas', stage: 1, text: ['SMS when the doctor is ready', 'Nhắn tin khi đến lượt khám', 'ส่ง SMS เมื่อถึงคิว'] },
    { lane: 'owners', stage: 1, text: ['Front desk', 'Lễ tân', 'แผนกต้อนรับ'] },
    { lane: 'kpis', stage: 1, text: ['Waiting time', 'Thời gian chờ', 'เวลารอ'] },
  ],
  emotions: [0, -40, 20, -10, 30],
}

const hotel: TemplateSpec = {
  scenario: ['A couple books a weekend stay, checks in, enjoys the hotel and checks out.', 'Một cặp đôi đặt phòng cuối tuần, nhận phòng, nghỉ dưỡng và trả phòng.', 'คู่รักจองที่พักสุดสัปดาห์ เช็กอิน พักผ่อน และเช็กเอาต์'],
  persona: null,
  stages: [
    { name: ['Plan & book', 'Lên kế hoạch & đặt phòng', 'วางแผนและจอง'], color: 'purple' },
    { name: ['Arrival', 'Đến nơi', 'เดินทางมาถึง'], color: 'blue' },
    { name: ['Stay', 'Lưu trú', 'เข้าพัก'], color: 'teal' },
    { name: ['Check-out', 'Trả phòng', 'เช็กเอาต์'], color: 'yellow' },
    { name: ['After the stay', 'Sau kỳ nghỉ', 'หลังการเข้าพัก'], color: 'green' },
  ],
  lanes: standardLanes,
  cards: [
    { lane: 'actions', stage: 0, text: ['Compares prices on booking sites', 'So sánh giá trên các trang đặt phòng', 'เปรียบเทียบราคาบนเว็บจองที่พัก'] },
    { lane: 'actions', stage: 1, text: ['Checks in at reception', 'Làm thủ tục nhận phòng', 'เช็กอินที่แผนกต้อนรับ'] },
    { lane: 'actions', stage: 2, text: ['Breakfast, pool, room service', 'Ăn sáng, hồ bơi, dịch vụ phòng', 'อาหารเช้า สระว่ายน้ำ รูมเซอร์วิส'] },
    { lane: 'actions', stage: 4, text: ['Writes a review', 'Viết đánh giá', 'เขียนรีวิว'] },
    { lane: 'touchpoints', stage: 0, channel: 'web', text: ['Booking website', 'Trang đặt phòng', 'เว็บไซต์จองห้อง'] },
    { lane: 'touchpoints', stage: 1, channel: 'store', text: ['Front desk', 'Quầy lễ tân', 'แผนกต้อนรับ'] },
    { lane: 'touchpoints', stage: 2, channel: 'store', text: ['Restaurant', 'Nhà hàng', 'ห้องอาหาร'] },
    { lane: 'touchpoints', stage: 4, channel: 'email', text: ['Post-stay survey', 'Khảo sát sau kỳ nghỉ', 'แบบสำรวจหลังเข้าพัก'] },
    { lane: 'pains', stage: 1, text: ['Room not ready at 2 pm', 'Phòng chưa sẵn sàng lúc 2 giờ chiều', 'ห้องยังไม่พร้อมตอนบ่ายสองโมง'] },
    { lane: 'ideas', stage: 1, text: ['Welcome drink and luggage storage while waiting', 'Nước chào mừng và giữ hành lý khi chờ', 'เครื่องดื่มต้อนรับและรับฝากกระเป๋าระหว่างรอ'] },
    { lane: 'owners', stage: 2, text: ['Housekeeping, F&B', 'Buồng phòng, Ẩm thực', 'แม่บ้าน, ฝ่ายอาหารและเครื่องดื่ม'] },
    { lane: 'kpis', stage: 4, text: ['Review score, repeat bookings', 'Điểm đánh giá, tỷ lệ đặt lại', 'คะแนนรีวิว, การจองซ้ำ'] },
  ],
  emotions: [30, -20, 60, 10, 40],
}

const b2bService: TemplateSpec = {
  scenario: ['A company chooses a service provider, onboards and renews the contract.', 'Một doanh nghiệp chọn nhà cung cấp dịch vụ, triển khai và gia hạn hợp đồng.', 'บริษัทเลือกผู้ให้บริการ เริ่มใช้งาน และต่อสัญญา'],
  persona: null,
  stages: [
    { name: ['Awareness', 'Nhận biết', 'การรับรู้'], color: 'purple' },
    { name: ['Evaluation', 'Đánh giá', 'การประเมิน'], color: 'blue' },
    { name: ['Contract', 'Ký hợp đồng', 'ทำสัญญา'], color: 'yellow' },
    { name: ['Onboarding', 'Triển khai', 'เริ่มต้นใช้งาน'], color: 'teal' },
    { name: ['Renewal', 'Gia hạn', 'ต่ออายุสัญญา'], color: 'green' },
  ],
  lanes: standardLanes,
  cards: [
    { lane: 'actions', stage: 0, text: ['Meets us at a trade fair', 'Gặp chúng tôi tại hội chợ', 'พบเราที่งานแสดงสินค้า'], icon: 'person' },
    { lane: 'actions', stage: 1, text: ['Asks for a demo and a quote', 'Yêu cầu demo và báo giá', 'ขอเดโมและใบเสนอราคา'] },
    { lane: 'actions', stage: 3, text: ['Trains the team', 'Đào tạo đội ngũ', 'อบรมทีมงาน'] },
    { lane: 'actions', stage: 4, text: ['Reviews value with the account manager', 'Đánh giá hiệu quả cùng người phụ trách', 'ทบทวนผลลัพธ์กับผู้ดูแลลูกค้า'] },
    { lane: 'touchpoints', stage: 0, channel: 'event', text: ['Trade fair', 'Hội chợ', 'งานแสดงสินค้า'] },
    { lane: 'touchpoints', stage: 1, channel: 'email', text: ['Proposal by e-mail', 'Đề xuất qua email', 'ข้อเสนอทางอีเมล'] },
    { lane: 'touchpoints', stage: 3, channel: 'phone', text: ['Onboarding calls', 'Cuộc gọi hướng dẫn', 'โทรแนะนำการใช้งาน'] },
    { lane: 'touchpoints', stage: 4, channel: 'store', text: ['Quarterly business review', 'Họp đánh giá hằng quý', 'ประชุมทบทวนรายไตรมาส'] },
    { lane: 'pains', stage: 2, text: ['Legal review takes weeks', 'Rà soát pháp lý mất nhiều tuần', 'ตรวจสัญญาทางกฎหมายใช้เวลาหลายสัปดาห์'] },
    { lane: 'pains', stage: 3, text: ['No single contact person', 'Không có một đầu mối liên hệ', 'ไม่มีผู้ติดต่อหลักคนเดียว'] },
    { lane: 'ideas', stage: 3, text: ['Named onboarding manager for 90 days', 'Người phụ trách triển khai riêng trong 90 ngày', 'มีผู้ดูแลการเริ่มใช้งานเฉพาะ 90 วัน'] },
    { lane: 'owners', stage: 1, text: ['Sales', 'Kinh doanh', 'ฝ่ายขาย'] },
    { lane: 'owners', stage: 3, text: ['Customer success', 'Thành công khách hàng', 'ฝ่ายดูแลความสำเร็จของลูกค้า'] },
    { lane: 'kpis', stage: 4, text: ['Renewal rate, churn rate', 'Tỷ lệ gia hạn, tỷ lệ rời bỏ', 'อัตราการต่อสัญญา, อัตราการเลิกใช้'] },
  ],
  emotions: [20, 0, -30, -10, 40],
}

const blank: TemplateSpec = {
  scenario: ['', '', ''],
  persona: null,
  stages: [
    { name: ['Before', 'Trước', 'ก่อน'], color: 'purple' },
    { name: ['During', 'Trong', 'ระหว่าง'], color: 'blue' },
    { name: ['After', 'Sau', 'หลัง'], color: 'green' },
  ],
  lanes: ['actions', 'touchpoints', 'emotion', 'pains', 'ideas', 'scores'],
  cards: [],
}

export const templateSpecs: Record<JourneyTemplateId, TemplateSpec> = {
  five_es: fiveEs,
  cafe,
  online_shop: onlineShop,
  clinic,
  hotel,
  b2b_service: b2bService,
  blank,
}

const pick = (l: L, locale: Locale) => l[locale === 'en' ? 0 : locale === 'vi' ? 1 : 2]

/** A new map's document from a template, in one language, with fresh ids. */
export function documentFromTemplate(template: JourneyTemplateId, opts: { id: string; name: string; scenario: string; locale: Locale }): JourneyDoc {
  const spec = templateSpecs[template]
  const t = translator(opts.locale)
  const stages = spec.stages.map((s) => ({ id: newId(), name: pick(s.name, opts.locale), color: s.color }))
  const stepsByStage: Step[][] = spec.stages.map((s, i) => (s.steps ?? [null]).map((name) => ({ id: newId(), stageId: stages[i].id, name: name ? pick(name, opts.locale) : '' })))
  const lanes: Lane[] = spec.lanes.map((type) => ({ id: newId(), type, name: t(`journey.laneType.${type}`) }))
  const laneOf = new Map(lanes.map((l) => [l.type, l.id]))
  const cards = spec.cards.map((c) => ({
    id: newId(),
    laneId: laneOf.get(c.lane) as string,
    stepId: stepsByStage[c.stage][c.step ?? 0].id,
    text: pick(c.text, opts.locale),
    color: c.color ?? 'default',
    icon: c.icon ?? 'none',
    channel: c.lane === 'touchpoints' ? (c.channel ?? 'other') : null,
    link: c.link ?? null,
    evidence: [],
    image: null,
  }))
  const steps = stepsByStage.flat()
  const emotionLane = laneOf.get('emotion')
  const emotions = emotionLane && spec.emotions ? spec.emotions.slice(0, steps.length).map((value, i) => ({ laneId: emotionLane, stepId: steps[i].id, value })) : []
  const p = spec.persona
  return canonical({
    map: { id: opts.id, name: opts.name, scenario: opts.scenario || pick(spec.scenario, opts.locale), kind: 'as_is', baseId: null, scoreMetric: 'nps' },
    persona: p
      ? { id: newId(), name: pick(p.name, opts.locale), avatar: p.avatar, photo: null, goals: pick(p.goals, opts.locale), frustrations: pick(p.frustrations, opts.locale), quote: pick(p.quote, opts.locale), demographics: pick(p.demographics, opts.locale) }
      : null,
    stages,
    steps,
    lanes,
    cards,
    emotions,
    comments: [],
  })
}
