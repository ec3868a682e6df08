import type { journeysEn } from './en'

export const journeysTh: Record<keyof typeof journeysEn, string> = {
  'nav.journeys': 'แผนที่การเดินทางของลูกค้า',

  'journey.laneType.actions': 'การกระทำของลูกค้า',
  'journey.laneType.thoughts': 'ความคิด',
  'journey.laneType.questions': 'คำถาม',
  'journey.laneType.touchpoints': 'จุดสัมผัส',
  'journey.laneType.emotion': 'อารมณ์ความรู้สึก',
  'journey.laneType.pains': 'จุดที่เป็นปัญหา',
  'journey.laneType.ideas': 'โอกาสและไอเดีย',
  'journey.laneType.owners': 'ผู้รับผิดชอบ',
  'journey.laneType.kpis': 'ตัวชี้วัด KPI',
  'journey.laneType.images': 'รูปภาพ',
  'journey.laneType.scores': 'คะแนนสด',
}
