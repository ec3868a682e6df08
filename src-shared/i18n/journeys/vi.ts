import type { journeysEn } from './en'

export const journeysVi: Record<keyof typeof journeysEn, string> = {
  'nav.journeys': 'Hành trình khách hàng',

  'journey.laneType.actions': 'Hành động của khách hàng',
  'journey.laneType.thoughts': 'Suy nghĩ',
  'journey.laneType.questions': 'Câu hỏi',
  'journey.laneType.touchpoints': 'Điểm chạm',
  'journey.laneType.emotion': 'Cảm xúc',
  'journey.laneType.pains': 'Điểm khó chịu',
  'journey.laneType.ideas': 'Cơ hội & ý tưởng',
  'journey.laneType.owners': 'Người phụ trách',
  'journey.laneType.kpis': 'Chỉ số KPI',
  'journey.laneType.images': 'Hình ảnh',
  'journey.laneType.scores': 'Điểm số trực tiếp',
}
