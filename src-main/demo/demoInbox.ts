/** The demo's themes as keyword rules per language, and a few saved inbox views. */
export const demoTagRules: ReadonlyArray<{ tag: string; keywords: Partial<Record<'en' | 'vi' | 'th', string[]>> }> = [
  {
    tag: 'Waiting time',
    keywords: { en: ['queue', 'queued', 'wait', 'waiting', 'too slow'], vi: ['xếp hàng', 'chờ lâu', 'phải đợi', 'đợi'], th: ['ต่อคิว', 'รอนาน', 'ต้องรอ'] },
  },
  {
    tag: 'Delivery',
    keywords: { en: ['delivery', 'rider', 'spilled', 'melted'], vi: ['giao trễ', 'shipper', 'giao nhầm', 'giao tới', 'bị đổ'], th: ['ส่งช้า', 'ไรเดอร์', 'ส่งผิด', 'หก'] },
  },
  {
    tag: 'App & payment',
    keywords: { en: ['app', 'promo code', 'payment', 'charged'], vi: ['ứng dụng', 'app', 'thanh toán', 'mã khuyến mãi', 'trừ tiền'], th: ['แอป', 'โค้ดส่วนลด', 'จ่ายเงิน', 'ตัดเงิน'] },
  },
  {
    tag: 'Support',
    keywords: { en: ['hotline', 'e-mail', 'call centre', 'transferring'], vi: ['hotline', 'email', 'tổng đài', 'bắt máy'], th: ['สายด่วน', 'อีเมล', 'คอลเซ็นเตอร์', 'โอนสาย'] },
  },
  { tag: 'Price', keywords: { en: ['prices', 'price', 'fee', 'smaller'], vi: ['giá', 'phí giao hàng', 'ly nhỏ'], th: ['ราคา', 'ค่าส่ง', 'แก้วเล็ก'] } },
  { tag: 'Staff', keywords: { en: ['staff', 'barista', 'manager'], vi: ['nhân viên', 'pha chế', 'quản lý'], th: ['พนักงาน', 'บาริสต้า', 'ผู้จัดการ'] } },
]

export const demoViews: ReadonlyArray<{ name: string; query: string }> = [
  { name: 'Needs follow-up', query: 'band=poor&status=new&status=in_progress' },
  { name: 'Delivery complaints', query: 'tag=Delivery&sentiment=negative' },
  { name: 'Mobile app detractors (NPS)', query: 'metric=nps&band=poor&touchpoint=Mobile+app+ordering' },
]
