import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { commandSchema, type Command, type CommandInput } from '../../../src-shared/domain/journeys/commands'
import { diffDocs, isEmptyPatch } from '../../../src-shared/domain/journeys/diff'
import type { JourneyDoc } from '../../../src-shared/domain/journeys/model'
import { applyCommand, integrityProblem } from '../../../src-shared/domain/journeys/reducer'
import { card, cell, sampleDoc } from './fixtures'

const cmd = (c: CommandInput): Command => commandSchema.parse(c)
function ok(doc: JourneyDoc, c: CommandInput): JourneyDoc {
  const r = applyCommand(doc, cmd(c))
  if (!r.ok) throw new Error(r.error.message)
  expect(integrityProblem(r.doc)).toBeNull()
  return r.doc
}
function refused(doc: JourneyDoc, c: CommandInput) {
  const before = JSON.stringify(doc)
  const r = applyCommand(doc, cmd(c))
  expect(r.ok).toBe(false)
  expect(JSON.stringify(doc)).toBe(before)
  return r.ok ? null : r.error
}
/** Undo is the patch back to where the edit started; redo the patch forward. */
function undoable(doc: JourneyDoc, c: CommandInput): JourneyDoc {
  const after = ok(doc, c)
  const undone = ok(after, { type: 'patch', patch: diffDocs(after, doc) })
  expect(undone).toEqual(doc)
  const redone = ok(undone, { type: 'patch', patch: diffDocs(doc, after) })
  expect(redone).toEqual(after)
  return after
}

describe('the journey reducer', () => {
  it('updates the map and the persona', () => {
    const d = undoable(sampleDoc(), { type: 'updateMap', patch: { name: 'Renamed', scoreMetric: 'csat' } })
    expect(d.map).toMatchObject({ name: 'Renamed', scoreMetric: 'csat' })
    const persona = { id: 'per1', name: 'Linh', avatar: 'L', photo: null, goals: 'Fast coffee', frustrations: 'Queues', quote: '“Fast”', demographics: '28' }
    expect(undoable(d, { type: 'setPersona', persona }).persona).toEqual(persona)
  })

  it('adds, renames, reorders and deletes stages', () => {
    let d = undoable(sampleDoc(), { type: 'addStage', stage: { id: 'stC1', name: 'C', color: 'teal' }, step: { id: 'sc11', stageId: 'stC1', name: '' }, index: 1 })
    expect(d.stages.map((s) => s.id)).toEqual(['stA1', 'stC1', 'stB1'])
    d = undoable(d, { type: 'updateStage', id: 'stC1', patch: { name: 'Pay' } })
    expect(d.stages[1].name).toBe('Pay')
    d = undoable(d, { type: 'moveStage', id: 'stA1', toIndex: 2 })
    expect(d.stages.map((s) => s.id)).toEqual(['stC1', 'stB1', 'stA1'])
    // Deleting a stage takes its steps, their cards, emotions and the cards' comments with it.
    d = undoable(d, { type: 'deleteStage', id: 'stA1' })
    expect(d.steps.map((s) => s.id)).toEqual(['sc11', 'sb11'])
    expect(d.cards.map((c) => c.id)).toEqual(['c004'])
    expect(d.emotions).toEqual([])
    expect(d.comments).toEqual([])
  })

  it('splits a stage into steps, renames, reorders and deletes them', () => {
    let d = undoable(sampleDoc(), { type: 'addStep', step: { id: 'sb21', stageId: 'stB1', name: 'b2' } })
    expect(d.steps.filter((s) => s.stageId === 'stB1').map((s) => s.id)).toEqual(['sb11', 'sb21'])
    d = undoable(d, { type: 'addStep', step: { id: 'sa01', stageId: 'stA1', name: 'a0' }, index: 0 })
    expect(d.steps.filter((s) => s.stageId === 'stA1').map((s) => s.id)).toEqual(['sa01', 'sa11', 'sa21'])
    d = undoable(d, { type: 'updateStep', id: 'sa01', patch: { name: 'first' } })
    d = undoable(d, { type: 'moveStep', id: 'sa01', toIndex: 2 })
    expect(d.steps.filter((s) => s.stageId === 'stA1').map((s) => s.id)).toEqual(['sa11', 'sa21', 'sa01'])
    d = undoable(d, { type: 'deleteStep', id: 'sa11' })
    expect(d.cards.map((c) => c.id)).toEqual(['c003', 'c004'])
    expect(d.emotions).toEqual([])
  })

  it('keeps at least one step in every stage', () => {
    expect(refused(sampleDoc(), { type: 'deleteStep', id: 'sb11' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('at least one step') })
  })

  it('adds, renames, reorders and deletes lanes', () => {
    let d = undoable(sampleDoc(), { type: 'addLane', lane: { id: 'pain', type: 'pains', name: 'Pain points' }, index: 0 })
    expect(d.lanes[0].id).toBe('pain')
    d = undoable(d, { type: 'updateLane', id: 'pain', patch: { name: 'Frustrations' } })
    d = undoable(d, { type: 'moveLane', id: 'pain', toIndex: 99 })
    expect(d.lanes.at(-1)?.id).toBe('pain')
    d = undoable(d, { type: 'deleteLane', id: 'act1' })
    expect(d.cards.map((c) => c.id)).toEqual(['c004'])
    expect(d.comments).toEqual([])
    d = undoable(d, { type: 'deleteLane', id: 'emo1' })
    expect(d.emotions).toEqual([])
  })

  it('adds cards at a position, edits, moves between cells and within a cell, and deletes them', () => {
    let d = undoable(sampleDoc(), { type: 'addCards', cards: [card('c005', 'act1', 'sa11'), card('c006', 'act1', 'sa11')], index: 1 })
    expect(cell(d, 'act1', 'sa11')).toEqual(['c001', 'c005', 'c006', 'c002'])
    d = undoable(d, { type: 'updateCard', id: 'c005', patch: { text: '**Queues** at rush hour', color: 'red', icon: 'alert' } })
    expect(d.cards.find((c) => c.id === 'c005')).toMatchObject({ text: '**Queues** at rush hour', color: 'red', icon: 'alert' })
    d = undoable(d, { type: 'moveCards', ids: ['c005', 'c001'], laneId: 'act1', stepId: 'sb11' })
    expect(cell(d, 'act1', 'sb11')).toEqual(['c005', 'c001'])
    expect(cell(d, 'act1', 'sa11')).toEqual(['c006', 'c002'])
    d = undoable(d, { type: 'moveCards', ids: ['c002'], laneId: 'act1', stepId: 'sa11', index: 0 })
    expect(cell(d, 'act1', 'sa11')).toEqual(['c002', 'c006'])
    // A card keeps its comments when it moves; deleting it removes them.
    expect(d.comments.map((m) => m.cardId)).toEqual(['c001'])
    d = undoable(d, { type: 'deleteCards', ids: ['c001', 'c006'] })
    expect(d.cards.map((c) => c.id).sort()).toEqual(['c002', 'c003', 'c004', 'c005'])
    expect(d.comments).toEqual([])
  })

  it('links a touchpoint card to the feedback and cites evidence', () => {
    const d = undoable(sampleDoc(), {
      type: 'updateCard',
      id: 'c004',
      patch: { channel: 'app', link: { touchpoint: 'Mobile app ordering', channel: null }, evidence: [{ kind: 'response', responseId: 12 }, { kind: 'tag', tag: 'app' }] },
    })
    expect(d.cards.find((c) => c.id === 'c004')).toMatchObject({ channel: 'app', link: { touchpoint: 'Mobile app ordering' } })
  })

  it('sets, changes and clears the emotion at a step', () => {
    let d = undoable(sampleDoc(), { type: 'setEmotion', laneId: 'emo1', stepId: 'sa21', value: -60 })
    d = undoable(d, { type: 'setEmotion', laneId: 'emo1', stepId: 'sa11', value: 100 })
    expect(d.emotions).toEqual(expect.arrayContaining([{ laneId: 'emo1', stepId: 'sa11', value: 100 }, { laneId: 'emo1', stepId: 'sa21', value: -60 }]))
    d = undoable(d, { type: 'setEmotion', laneId: 'emo1', stepId: 'sa11', value: null })
    expect(d.emotions).toEqual([{ laneId: 'emo1', stepId: 'sa21', value: -60 }])
  })

  it('adds and deletes comments', () => {
    let d = undoable(sampleDoc(), { type: 'addComment', comment: { id: 'm002', cardId: 'c004', author: 'Huy', body: 'Ask the delivery team', createdAt: 2 } })
    expect(d.comments).toHaveLength(2)
    d = undoable(d, { type: 'deleteComment', id: 'm001' })
    expect(d.comments.map((m) => m.id)).toEqual(['m002'])
  })

  describe('refuses commands that do not fit the map, and leaves it unchanged', () => {
    const cases: Array<[string, CommandInput, 'NOT_FOUND' | 'VALIDATION', RegExp]> = [
      ['a card moved to a lane that no longer exists', { type: 'moveCards', ids: ['c001'], laneId: 'gone', stepId: 'sa11' }, 'NOT_FOUND', /lane gone no longer exists/],
      ['a card moved to a step that no longer exists', { type: 'moveCards', ids: ['c001'], laneId: 'act1', stepId: 'gone' }, 'NOT_FOUND', /step gone/],
      ['a card that no longer exists moved', { type: 'moveCards', ids: ['c999'], laneId: 'act1', stepId: 'sa11' }, 'NOT_FOUND', /card c999/],
      ['a card put into the emotion lane', { type: 'moveCards', ids: ['c001'], laneId: 'emo1', stepId: 'sa11' }, 'VALIDATION', /emotion lane/],
      ['a card put into the live-scores lane', { type: 'addCards', cards: [card('c009', 'live', 'sa11')] }, 'VALIDATION', /scores lane/],
      ['a card with an id already taken', { type: 'addCards', cards: [card('c001', 'act1', 'sa11')] }, 'VALIDATION', /already exists/],
      ['an emotion on a card lane', { type: 'setEmotion', laneId: 'act1', stepId: 'sa11', value: 10 }, 'VALIDATION', /not an emotion lane/],
      ['a step for a missing stage', { type: 'addStep', step: { id: 'sx11', stageId: 'nope', name: '' } }, 'NOT_FOUND', /stage nope/],
      ['a new stage whose first step belongs elsewhere', { type: 'addStage', stage: { id: 'stC1', name: 'C', color: 'blue' }, step: { id: 'sc11', stageId: 'stA1', name: '' } }, 'VALIDATION', /must belong/],
      ['a comment on a missing card', { type: 'addComment', comment: { id: 'm009', cardId: 'nope', author: '', body: 'x', createdAt: 0 } }, 'NOT_FOUND', /card nope/],
      ['an edit to a deleted lane', { type: 'updateLane', id: 'nope', patch: { name: 'x' } }, 'NOT_FOUND', /lane nope/],
      ['a patch that would orphan cards', { type: 'patch', patch: { remove: { lanes: ['act1'] } } }, 'VALIDATION', /break the map/],
      ['a patch for another map', { type: 'patch', patch: { map: { ...sampleDoc().map, id: 'other' } } }, 'VALIDATION', /which map/],
    ]
    for (const [what, c, code, message] of cases)
      it(what, () => {
        const error = refused(sampleDoc(), c)
        expect(error?.code).toBe(code)
        expect(error?.message).toMatch(message)
      })
  })

  it('rejects malformed commands at the contract (ids, values, lengths)', () => {
    expect(commandSchema.safeParse({ type: 'setEmotion', laneId: 'emo1', stepId: 'sa11', value: 101 }).success).toBe(false)
    expect(commandSchema.safeParse({ type: 'moveCards', ids: [], laneId: 'act1', stepId: 'sa11' }).success).toBe(false)
    expect(commandSchema.safeParse({ type: 'updateCard', id: 'c001', patch: { laneId: 'tp11' } }).success).toBe(false)
    expect(commandSchema.safeParse({ type: 'updateCard', id: 'c001', patch: { image: 'javascript:alert(1)' } }).success).toBe(false)
    expect(commandSchema.safeParse({ type: 'dropTable' }).success).toBe(false)
  })

  it('undoes and redoes a sequence of edits step by step', () => {
    const history: JourneyDoc[] = [sampleDoc()]
    const edits: CommandInput[] = [
      { type: 'addStage', stage: { id: 'stC1', name: 'C', color: 'teal' }, step: { id: 'sc11', stageId: 'stC1', name: '' } },
      { type: 'moveCards', ids: ['c001'], laneId: 'act1', stepId: 'sc11' },
      { type: 'setEmotion', laneId: 'emo1', stepId: 'sc11', value: -80 },
      { type: 'deleteStage', id: 'stA1' },
    ]
    for (const e of edits) history.push(ok(history.at(-1) as JourneyDoc, e))
    const undo: ReturnType<typeof diffDocs>[] = []
    for (let i = history.length - 1; i > 0; i--) undo.push(diffDocs(history[i], history[i - 1]))
    let d = history.at(-1) as JourneyDoc
    // Undo twice, redo once, undo everything.
    d = ok(d, { type: 'patch', patch: undo[0] })
    d = ok(d, { type: 'patch', patch: undo[1] })
    expect(d).toEqual(history[2])
    d = ok(d, { type: 'patch', patch: diffDocs(history[2], history[3]) })
    expect(d).toEqual(history[3])
    for (const p of undo.slice(1)) d = ok(d, { type: 'patch', patch: p })
    expect(d).toEqual(history[0])
  })

  it('finds no difference between a document and itself', () => {
    expect(isEmptyPatch(diffDocs(sampleDoc(), sampleDoc()))).toBe(true)
  })

  it('undoes any sequence of random edits exactly (property)', () => {
    const ids = ['c001', 'c002', 'c003', 'c004']
    const lanes = ['act1', 'tp11']
    const steps = ['sa11', 'sa21', 'sb11']
    const edit = fc.oneof(
      fc.record({ type: fc.constant('moveCards' as const), ids: fc.subarray(ids, { minLength: 1 }), laneId: fc.constantFrom(...lanes), stepId: fc.constantFrom(...steps), index: fc.nat(4) }),
      fc.record({ type: fc.constant('moveStage' as const), id: fc.constantFrom('stA1', 'stB1'), toIndex: fc.nat(2) }),
      fc.record({ type: fc.constant('moveStep' as const), id: fc.constantFrom(...steps), toIndex: fc.nat(2) }),
      fc.record({ type: fc.constant('moveLane' as const), id: fc.constantFrom(...lanes, 'emo1'), toIndex: fc.nat(3) }),
      fc.record({ type: fc.constant('setEmotion' as const), laneId: fc.constant('emo1'), stepId: fc.constantFrom(...steps), value: fc.option(fc.integer({ min: -100, max: 100 })) }),
      fc.record({ type: fc.constant('updateCard' as const), id: fc.constantFrom(...ids), patch: fc.record({ text: fc.string({ maxLength: 20 }) }) }),
      fc.record({ type: fc.constant('deleteCards' as const), ids: fc.subarray(ids, { minLength: 1 }) }),
      fc.record({ type: fc.constant('deleteStep' as const), id: fc.constantFrom(...steps) }),
    )
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        const start = sampleDoc()
        let d = start
        const backs = []
        for (const e of edits) {
          const r = applyCommand(d, cmd(e))
          if (!r.ok) continue
          expect(integrityProblem(r.doc)).toBeNull()
          backs.push(diffDocs(r.doc, d))
          d = r.doc
        }
        for (const p of backs.reverse()) d = ok(d, { type: 'patch', patch: p })
        expect(d).toEqual(start)
      }),
      { numRuns: 300 },
    )
  })
})
