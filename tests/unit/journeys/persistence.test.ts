import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { journeyTemplateIds } from '../../../src-shared/api/journeys'
import type { CommandInput } from '../../../src-shared/domain/journeys/commands'
import { commandSchema } from '../../../src-shared/domain/journeys/commands'
import { orderedSteps } from '../../../src-shared/domain/journeys/grid'
import type { JourneyDoc } from '../../../src-shared/domain/journeys/model'
import { applyCommands, integrityProblem } from '../../../src-shared/domain/journeys/reducer'
import { ApiCallError } from '../../../src-shared/api/client'
import { testApp, type TestApp } from '../../helpers/context'
import { createWorkspaceAt, openWorkspaceAt } from '../../helpers/files'
import { card } from './fixtures'

let app: TestApp
let path: string
beforeEach(async () => {
  app = testApp()
  path = join(app.dir, 'maps.cxdesk')
  await createWorkspaceAt(app, path)
})
afterEach(() => app.cleanup())

async function reopen(): Promise<void> {
  await app.api.call('workspace.close', {})
  await openWorkspaceAt(app, path)
}

/** Applies commands through the contract, the way the editor saves, and returns what the editor would hold. */
async function edit(id: string, doc: JourneyDoc, revision: number, commands: CommandInput[]): Promise<{ doc: JourneyDoc; revision: number }> {
  const parsed = commands.map((c) => commandSchema.parse(c))
  const local = applyCommands(doc, parsed)
  if (!local.ok) throw new Error(local.error.message)
  const saved = await app.api.call('journeys.apply', { id, baseRevision: revision, commands })
  expect(saved).toEqual({ revision: revision + 1, rebased: false })
  return { doc: local.doc, revision: saved.revision }
}

describe('journey maps in the workspace', () => {
  it('creates every template in English, Vietnamese and Thai', async () => {
    for (const template of journeyTemplateIds) {
      const names = new Set<string>()
      for (const locale of ['en', 'vi', 'th'] as const) {
        const { id } = await app.api.call('journeys.create', { name: `${template} ${locale}`, template, locale })
        const { doc } = await app.api.call('journeys.get', { id })
        expect(integrityProblem(doc)).toBeNull()
        expect(doc.stages.length).toBeGreaterThanOrEqual(3)
        expect(doc.lanes.some((l) => l.type === 'scores')).toBe(true)
        names.add(doc.stages.map((s) => s.name).join('|') + doc.lanes.map((l) => l.name).join('|'))
      }
      expect(names.size, template).toBe(3)
    }
    const { doc } = await app.api.call('journeys.get', { id: (await app.api.call('journeys.create', { name: '5E', template: 'five_es', locale: 'vi' })).id })
    expect(doc.stages.map((s) => s.name)).toEqual(['Lôi kéo', 'Tham gia', 'Tương tác', 'Thoát', 'Mở rộng'])
    expect((await app.api.call('journeys.list', {})).maps).toHaveLength(journeyTemplateIds.length * 3 + 1)
  })

  it('survives closing and reopening exactly as it was left', async () => {
    const { id } = await app.api.call('journeys.create', { name: 'Café', template: 'cafe', locale: 'th' })
    let { doc, revision } = await app.api.call('journeys.get', { id })
    const steps = orderedSteps(doc)
    const lane = (type: string) => doc.lanes.find((l) => l.type === type)?.id as string
    ;({ doc, revision } = await edit(id, doc, revision, [
      { type: 'addStage', stage: { id: 'newStage1', name: 'ขั้นใหม่', color: 'pink' }, step: { id: 'newStep1', stageId: 'newStage1', name: '' }, index: 1 },
      { type: 'moveCards', ids: [doc.cards[0].id, doc.cards[3].id], laneId: lane('pains'), stepId: 'newStep1' },
      { type: 'setEmotion', laneId: lane('emotion'), stepId: 'newStep1', value: -75 },
    ]))
    ;({ doc, revision } = await edit(id, doc, revision, [
      { type: 'addCards', cards: [card('photo1', lane('touchpoints'), steps[2].id, { channel: 'app', link: { touchpoint: 'Mobile app ordering', channel: 'app' }, evidence: [{ kind: 'tag', tag: 'app' }], image: 'data:image/png;base64,iVBORw0KGgo=' })], index: 0 },
      { type: 'addComment', comment: { id: 'note0001', cardId: 'photo1', author: 'Ploy', body: 'ลูกค้าบ่นเรื่องแอป', createdAt: 5 } },
      { type: 'updateMap', patch: { scenario: 'ใหม่', scoreMetric: 'ces' } },
      { type: 'setPersona', persona: { id: 'persona1', name: 'Ploy', avatar: '🙂', photo: null, goals: 'a', frustrations: 'b', quote: 'c', demographics: 'd' } },
      { type: 'moveStage', id: doc.stages[0].id, toIndex: 3 },
      { type: 'deleteStep', id: steps[2].id },
    ]))
    ;({ doc, revision } = await edit(id, doc, revision, [{ type: 'moveLane', id: lane('emotion'), toIndex: 0 }]))
    await reopen()
    const again = await app.api.call('journeys.get', { id })
    expect(again.revision).toBe(revision)
    expect(again.doc).toEqual(doc)
  })

  it('refuses an invalid command with a clear error and stores nothing', async () => {
    const { id } = await app.api.call('journeys.create', { name: 'Five', template: 'five_es', locale: 'en' })
    const before = await app.api.call('journeys.get', { id })
    const lane = before.doc.lanes[0].id
    await app.api.call('journeys.apply', { id, baseRevision: 0, commands: [{ type: 'deleteLane', id: lane }] })
    const error = await app.api
      .call('journeys.apply', {
        id,
        baseRevision: 1,
        // The first command is fine; the second moves a card to the lane deleted above: neither applies.
        commands: [
          { type: 'updateMap', patch: { name: 'Half-done' } },
          { type: 'moveCards', ids: [before.doc.cards[5].id], laneId: lane, stepId: before.doc.steps[0].id },
        ],
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiCallError)
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(`lane ${lane} no longer exists`) })
    await reopen()
    const after = await app.api.call('journeys.get', { id })
    expect(after.revision).toBe(1)
    expect(after.doc.map.name).toBe('Five')
    expect(after.doc.lanes.map((l) => l.id)).not.toContain(lane)
  })

  it('validates requests at the boundary', async () => {
    const bad = await app.invoke('journeys.apply', { id: 'x', baseRevision: 0, commands: [] })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const missing = await app.invoke('journeys.get', { id: 'nothere1' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('makes a to-be version with the same entity ids, duplicates and deletes maps', async () => {
    const { id } = await app.api.call('journeys.create', { name: 'Hotel', template: 'hotel', locale: 'en' })
    const { id: toBeId } = await app.api.call('journeys.duplicate', { id, name: 'Hotel – to be', asToBe: true })
    const [asIs, toBe] = [await app.api.call('journeys.get', { id }), await app.api.call('journeys.get', { id: toBeId })]
    expect(toBe.doc.map).toMatchObject({ kind: 'to_be', baseId: id, name: 'Hotel – to be' })
    expect(toBe.doc.cards.map((c) => c.id)).toEqual(asIs.doc.cards.map((c) => c.id))
    // Editing one version leaves the other alone.
    await app.api.call('journeys.apply', { id: toBeId, baseRevision: 0, commands: [{ type: 'deleteCards', ids: [asIs.doc.cards[0].id] }] })
    expect((await app.api.call('journeys.get', { id })).doc.cards).toHaveLength(asIs.doc.cards.length)
    const { id: copyId } = await app.api.call('journeys.duplicate', { id, name: 'Copy' })
    expect((await app.api.call('journeys.get', { id: copyId })).doc.map).toMatchObject({ kind: 'as_is', baseId: null, name: 'Copy' })
    await app.api.call('journeys.delete', { id })
    expect((await app.api.call('journeys.get', { id: toBeId })).doc.map.baseId).toBeNull()
    expect((await app.api.call('journeys.list', {})).maps.map((m) => m.id).sort()).toEqual([toBeId, copyId].sort())
    const rows = app.ctx.session.require().ws.sqlite.prepare('SELECT count(*) n FROM journey_cards WHERE map_id = ?').get(id) as { n: number }
    expect(rows.n).toBe(0)
  })

  it('says when the map changed since the editor loaded it', async () => {
    const { id } = await app.api.call('journeys.create', { name: 'B2B', template: 'b2b_service', locale: 'en' })
    await app.api.call('journeys.apply', { id, baseRevision: 0, commands: [{ type: 'updateMap', patch: { name: 'One' } }] })
    expect(await app.api.call('journeys.apply', { id, baseRevision: 0, commands: [{ type: 'updateMap', patch: { name: 'Two' } }] })).toEqual({ revision: 2, rebased: true })
  })

  it('loses at most the edit in flight when the process is killed', async () => {
    // tsx as a loader in this very process (its CLI would run the script in a grandchild that SIGKILL does not reach).
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../helpers/journeyEditChild.ts'), app.dir], { stdio: ['pipe', 'pipe', 'pipe'] })
    child.stdout.setEncoding('utf8')
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += String(d)))
    // The document the child expects after each revision it sent.
    const sent = new Map<number, JourneyDoc>()
    let buffer = ''
    const read = (d: string) => {
      buffer += d
      let cut: number
      while ((cut = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, cut)
        buffer = buffer.slice(cut + 1)
        if (line.startsWith('SENDING ')) {
          const { revision, doc } = JSON.parse(line.slice(8)) as { revision: number; doc: JourneyDoc }
          sent.set(revision, doc)
        }
        if (line.startsWith('APPLIED ')) onApplied(JSON.parse(line.slice(8)) as { revision: number; id: string })
      }
    }
    let onApplied: (a: { revision: number; id: string }) => void = () => undefined
    const killedAfter = await new Promise<{ revision: number; id: string }>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`child exited (${code}): ${stderr}`)))
      onApplied = (applied) => {
        // Let it start the next edit, then kill it: that edit is in flight (sent, maybe stored, maybe not).
        child.stdin.write('go\n')
        if (applied.revision >= 25) {
          child.kill('SIGKILL')
          resolve(applied)
        }
      }
      child.stdout.on('data', read)
    })
    await new Promise((r) => child.once('close', r))
    const other = path
    path = join(app.dir, 'killed.cxdesk')
    await openWorkspaceAt(app, path)
    const found = await app.api.call('journeys.get', { id: killedAfter.id })
    path = other
    expect(integrityProblem(found.doc)).toBeNull()
    // Every edit that returned is there; the one in flight is either wholly there or wholly absent.
    expect([killedAfter.revision, killedAfter.revision + 1]).toContain(found.revision)
    expect(found.doc).toEqual(sent.get(found.revision))
  }, 60_000)
})
