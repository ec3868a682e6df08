/** Messages of the journey-map editor. */
export const journeysEn = {
  'nav.journeys': 'Journey maps',

  'journey.laneType.actions': 'Customer actions',
  'journey.laneType.thoughts': 'Thoughts',
  'journey.laneType.questions': 'Questions',
  'journey.laneType.touchpoints': 'Touchpoints',
  'journey.laneType.emotion': 'Emotions',
  'journey.laneType.pains': 'Pain points',
  'journey.laneType.ideas': 'Opportunities & ideas',
  'journey.laneType.owners': 'Owners',
  'journey.laneType.kpis': 'KPIs',
  'journey.laneType.images': 'Images',
  'journey.laneType.scores': 'Live scores',
} as const
