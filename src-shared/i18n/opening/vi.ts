import type { openingEn } from './en'

export const openingVi: Record<keyof typeof openingEn, string> = {
  'opening.title.open': 'Đang mở {name}…',
  'opening.title.create': 'Đang tạo {name}…',
  'opening.stage.checking': 'Đang kiểm tra tệp xem có bị hỏng không',
  'opening.stage.backingUp': 'Đang tạo bản sao lưu trước khi cập nhật',
  'opening.stage.migrating': 'Đang cập nhật tệp cho phiên bản CX Desk này ({done}/{total})',
  'opening.stage.updating': 'Đang cập nhật tìm kiếm và cảm xúc',
  'opening.stage.creating': 'Đang dựng không gian làm việc',
  'opening.note': 'Hủy sẽ dừng ở điểm an toàn kế tiếp: tệp luôn được giữ nguyên vẹn.',
  'opening.cancelling': 'Đang hủy…',
}
