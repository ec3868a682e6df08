import type { desktopEn } from './en'

export const desktopTh: Record<keyof typeof desktopEn, string> = {
  'external.title': 'เปิดที่อยู่นี้ในเบราว์เซอร์หรือไม่',
  'external.detail': 'CX Desk กำลังจะเปิดที่อยู่นี้ในเว็บเบราว์เซอร์ของคุณ:\n\n{url}\n\nเปิดเฉพาะเมื่อคุณคาดว่าจะได้รับและเชื่อถือที่อยู่นี้เท่านั้น',
  'external.open': 'เปิดในเบราว์เซอร์',
}
