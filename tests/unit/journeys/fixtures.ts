import type { Card, JourneyDoc } from '../../../src-shared/domain/journeys/model'
import { newCard } from '../../../src-shared/domain/journeys/cards'

/** A small map: stages A (steps a1, a2) and B (step b1); lanes act (actions), tp (touchpoints), emo (emotion), live (scores). */
export function sampleDoc(): JourneyDoc {
  return {
    map: { id: 'map1', name: 'Sample', scenario: '', kind: 'as_is', baseId: null, scoreMetric: 'nps' },
    persona: null,
    stages: [
      { id: 'stA1', name: 'A', color: 'blue' },
      { id: 'stB1', name: 'B', color: 'green' },
    ],
    steps: [
      { id: 'sa11', stageId: 'stA1', name: 'a1' },
      { id: 'sa21', stageId: 'stA1', name: 'a2' },
      { id: 'sb11', stageId: 'stB1', name: '' },
    ],
    lanes: [
      { id: 'act1', type: 'actions', name: 'Actions' },
      { id: 'tp11', type: 'touchpoints', name: 'Touchpoints' },
      { id: 'emo1', type: 'emotion', name: 'Emotions' },
      { id: 'live', type: 'scores', name: 'Live scores' },
    ],
    cards: [card('c001', 'act1', 'sa11'), card('c002', 'act1', 'sa11'), card('c003', 'act1', 'sa21'), card('c004', 'tp11', 'sb11')],
    emotions: [{ laneId: 'emo1', stepId: 'sa11', value: 40 }],
    comments: [{ id: 'm001', cardId: 'c001', author: 'Lan', body: 'Seen in the workshop', createdAt: 1 }],
  }
}

export function card(id: string, laneId: string, stepId: string, extra: Partial<Card> = {}): Card {
  return newCard(laneId, stepId, { id, text: id, ...extra })
}

/** The card ids of a cell, in order. */
export const cell = (doc: JourneyDoc, laneId: string, stepId: string) => doc.cards.filter((c) => c.laneId === laneId && c.stepId === stepId).map((c) => c.id)
