import type { WorkspaceDb } from '../db/connect'
import type { Command } from '../../src-shared/domain/journeys/commands'
import { newId } from '../../src-shared/domain/journeys/ids'
import { newCard } from '../../src-shared/domain/journeys/cards'
import type { Card, JourneyDoc, ScoreLink } from '../../src-shared/domain/journeys/model'
import { applyCommands } from '../../src-shared/domain/journeys/reducer'
import { documentFromTemplate } from '../journeys/journeyTemplates'
import { insertJourney } from '../journeys/journeysService'

/** The demo's touchpoint cards, by their text in the café template, and the feedback touchpoint each is scored by (cafeContent.ts). */
const links: Record<string, ScoreLink> = {
  'Fanpage / Zalo / LINE': { touchpoint: 'Facebook / Zalo / LINE page', channel: null },
  'Store counter': { touchpoint: 'Store counter', channel: null },
  'Mobile app ordering': { touchpoint: 'Mobile app ordering', channel: null },
  'Pick-up shelf': { touchpoint: 'Pick-up at store', channel: null },
  'Home delivery': { touchpoint: 'Home delivery', channel: null },
  Hotline: { touchpoint: 'Hotline', channel: null },
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The café template has no ${what}.`)
  return value
}

function run(doc: JourneyDoc, commands: Command[]): JourneyDoc {
  const r = applyCommands(doc, commands)
  if (!r.ok) throw new Error(`Demo journey: ${r.error.message}`)
  return r.doc
}

const card = (laneId: string, stepId: string, text: string, extra: Partial<Card> = {}): Card => newCard(laneId, stepId, { text, ...extra })

/**
 * The café chain's morning-order journey, as it is today and as the team wants it to be, with its
 * touchpoints linked to the demo's feedback so live scores show on the first run.
 */
export async function seedJourneyDemo(ws: WorkspaceDb, env: { now: number }): Promise<void> {
  let asIs = documentFromTemplate('cafe', { id: newId(), name: 'Morning order – as is', scenario: '', locale: 'en' })
  const lane = (type: string) => must(asIs.lanes.find((l) => l.type === type), `${type} lane`).id
  const step = (stage: number, index = 0) => must(asIs.steps.filter((s) => s.stageId === asIs.stages[stage].id)[index], `step ${stage}.${index}`).id
  const cardByText = (text: string) => must(asIs.cards.find((c) => c.text === text), `card "${text}"`)

  const commands: Command[] = Object.entries(links).map(([text, link]) => ({ type: 'updateCard', id: cardByText(text).id, patch: { link } }))
  commands.push({
    type: 'addCards',
    cards: [
      card(lane('touchpoints'), step(0), 'Website', { channel: 'web', link: { touchpoint: 'Website', channel: null } }),
      card(lane('touchpoints'), step(1, 1), 'Online checkout', { channel: 'web', link: { touchpoint: 'Online checkout', channel: null } }),
      card(lane('touchpoints'), step(4), 'Chat on Zalo / LINE', { channel: 'chat', link: { touchpoint: 'Chat on Zalo / LINE', channel: null } }),
      card(lane('touchpoints'), step(4), 'Support email', { channel: 'email', link: { touchpoint: 'Support email', channel: null } }),
      card(lane('pains'), step(1, 1), 'App crashes at payment since the spring release', { color: 'red', icon: 'alert', evidence: [{ kind: 'tag', tag: 'app' }] }),
    ],
  })
  const pinned = cardByText('15-minute queue at rush hour')
  commands.push({ type: 'updateCard', id: pinned.id, patch: { color: 'red', icon: 'clock' } })
  asIs = run(asIs, commands)
  const hotline = cardByText('Nobody answers the hotline')
  asIs = run(asIs, [{ type: 'addComment', comment: { id: newId(), cardId: hotline.id, author: 'Workshop, Hà Nội', body: 'Three stores say the hotline forwards to a phone nobody carries after 6 pm.', createdAt: env.now } }])
  insertJourney(ws.sqlite, asIs, env.now)

  // The to-be version keeps the as-is ids, so the editor can show what changes.
  let toBe: JourneyDoc = { ...asIs, map: { ...asIs.map, id: newId(), name: 'Morning order – to be', kind: 'to_be', baseId: asIs.map.id } }
  const emotion = lane('emotion')
  toBe = run(toBe, [
    { type: 'deleteCards', ids: [pinned.id, cardByText('Nobody answers the hotline').id] },
    { type: 'updateCard', id: cardByText('Second till from 7 to 9 am').id, patch: { color: 'green', icon: 'check' } },
    { type: 'addCards', cards: [card(lane('touchpoints'), step(2), 'Order-ahead pick-up shelf with name labels', { channel: 'store', color: 'green' })] },
    { type: 'setEmotion', laneId: emotion, stepId: step(1), value: 20 },
    { type: 'setEmotion', laneId: emotion, stepId: step(2, 1), value: 10 },
    { type: 'setEmotion', laneId: emotion, stepId: step(4), value: 20 },
  ])
  insertJourney(ws.sqlite, toBe, env.now)
}
