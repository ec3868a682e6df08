import type { openingEn } from './en'

export const openingTh: Record<keyof typeof openingEn, string> = {
  'opening.title.open': 'กำลังเปิด {name}…',
  'opening.title.create': 'กำลังสร้าง {name}…',
  'opening.stage.checking': 'กำลังตรวจสอบว่าไฟล์เสียหายหรือไม่',
  'opening.stage.backingUp': 'กำลังสำรองไฟล์ก่อนปรับปรุง',
  'opening.stage.migrating': 'กำลังปรับปรุงไฟล์ให้ใช้กับ CX Desk รุ่นนี้ ({done} จาก {total})',
  'opening.stage.updating': 'กำลังปรับปรุงการค้นหาและความรู้สึกของความคิดเห็น',
  'opening.stage.creating': 'กำลังสร้างพื้นที่ทำงาน',
  'opening.note': 'การยกเลิกจะหยุดที่จุดปลอดภัยถัดไป ไฟล์จะยังสมบูรณ์เสมอ',
  'opening.cancelling': 'กำลังยกเลิก…',
}
