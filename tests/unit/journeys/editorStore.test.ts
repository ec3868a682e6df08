import { describe, expect, it } from 'vitest'
import { JourneyEditorStore, type SaveResult } from '../../../src-renderer/src/features/journeys/editor/editorStore'
import type { Command } from '../../../src-shared/domain/journeys/commands'
import { applyCommands } from '../../../src-shared/domain/journeys/reducer'
import { ApiCallError } from '../../../src-shared/api/client'
import { cell, sampleDoc } from './fixtures'

/** A fake workspace: applies what it is sent with the same reducer, can be slowed down or made to fail. */
function fakeWorkspace() {
  let doc = sampleDoc()
  let revision = 0
  const calls: Command[][] = []
  let pending: Array<() => void> = []
  let fail: unknown = null
  return {
    calls,
    get doc() {
      return doc
    },
    hold: false,
    failWith(e: unknown) {
      fail = e
    },
    release() {
      const p = pending
      pending = []
      p.forEach((r) => r())
    },
    save: async function (this: { hold: boolean }, commands: Command[]): Promise<SaveResult> {
      calls.push(commands)
      if (this.hold) await new Promise<void>((r) => pending.push(r))
      if (fail) {
        const e = fail
        fail = null
        throw e
      }
      const r = applyCommands(doc, commands)
      if (!r.ok) throw new ApiCallError({ code: r.error.code, message: r.error.message })
      doc = r.doc
      return { revision: ++revision, rebased: false }
    },
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('the editor store', () => {
  it('applies an edit at once and stores it; undo and redo are stored too', async () => {
    const ws = fakeWorkspace()
    const store = new JourneyEditorStore(sampleDoc(), 0, ws.save.bind(ws))
    store.dispatch({ type: 'moveCards', ids: ['c001'], laneId: 'act1', stepId: 'sb11' })
    expect(cell(store.doc, 'act1', 'sb11')).toEqual(['c001'])
    await store.settled()
    expect(ws.doc).toEqual(store.doc)
    store.undo()
    expect(cell(store.doc, 'act1', 'sa11')).toEqual(['c001', 'c002'])
    await store.settled()
    expect(ws.doc).toEqual(sampleDoc())
    store.redo()
    await store.settled()
    expect(ws.doc).toEqual(store.doc)
    expect(cell(ws.doc, 'act1', 'sb11')).toEqual(['c001'])
    expect(store.canRedo).toBe(false)
  })

  it('sends edits made during a save together in the next one, in order', async () => {
    const ws = fakeWorkspace()
    ws.hold = true
    const store = new JourneyEditorStore(sampleDoc(), 0, ws.save.bind(ws))
    store.dispatch({ type: 'setEmotion', laneId: 'emo1', stepId: 'sa21', value: 10 })
    store.dispatch({ type: 'setEmotion', laneId: 'emo1', stepId: 'sa21', value: 20 })
    store.dispatch({ type: 'setEmotion', laneId: 'emo1', stepId: 'sa21', value: 30 })
    expect(store.unsaved).toBe(3)
    await tick()
    ws.hold = false
    ws.release()
    await store.settled()
    expect(ws.calls.map((c) => c.length)).toEqual([1, 2])
    expect(ws.doc).toEqual(store.doc)
    expect(store.status.state).toBe('saved')
  })

  it('undoes edits made in quick succession on the same thing as one', () => {
    let now = 0
    const ws = fakeWorkspace()
    const store = new JourneyEditorStore(sampleDoc(), 0, ws.save.bind(ws), () => now)
    for (const v of [10, 20, 30]) {
      now += 100
      store.dispatch({ type: 'setEmotion', laneId: 'emo1', stepId: 'sa21', value: v }, { coalesceKey: 'e' })
    }
    store.undo()
    expect(store.doc.emotions).toEqual(sampleDoc().emotions)
    expect(store.canUndo).toBe(false)
  })

  it('refuses an invalid edit locally and leaves everything as it was', async () => {
    const ws = fakeWorkspace()
    const store = new JourneyEditorStore(sampleDoc(), 0, ws.save.bind(ws))
    const error = store.dispatch({ type: 'moveCards', ids: ['c001'], laneId: 'gone', stepId: 'sa11' })
    expect(error?.code).toBe('NOT_FOUND')
    expect(store.doc).toEqual(sampleDoc())
    expect(store.canUndo).toBe(false)
    expect(ws.calls).toEqual([])
  })

  it('keeps edits and tries again when the workspace cannot be reached; stops when it refuses one', async () => {
    const ws = fakeWorkspace()
    const store = new JourneyEditorStore(sampleDoc(), 0, ws.save.bind(ws))
    ws.failWith(new ApiCallError({ code: 'IO', message: 'network', details: { network: true } }))
    store.dispatch({ type: 'deleteCards', ids: ['c003'] })
    await tick()
    expect(store.status.state).toBe('retrying')
    expect(store.unsaved).toBe(1)
    await store.flush()
    expect(store.status.state).toBe('saved')
    expect(ws.doc).toEqual(store.doc)

    ws.failWith(new ApiCallError({ code: 'NOT_FOUND', message: 'gone' }))
    store.dispatch({ type: 'deleteCards', ids: ['c004'] })
    await tick()
    expect(store.status.state).toBe('rejected')
    store.dispose()
  })
})
