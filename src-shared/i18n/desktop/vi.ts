import type { desktopEn } from './en'

export const desktopVi: Record<keyof typeof desktopEn, string> = {
  'external.title': 'Mở địa chỉ này trong trình duyệt?',
  'external.detail': 'CX Desk sắp mở địa chỉ này trong trình duyệt web của bạn:\n\n{url}\n\nChỉ mở nếu bạn đang chờ nó và tin tưởng địa chỉ này.',
  'external.open': 'Mở trong trình duyệt',
}
