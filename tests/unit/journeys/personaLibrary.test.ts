import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { ApiCallError } from '../../../src-shared/api/client'
import type { Persona } from '../../../src-shared/domain/journeys/model'
import { testApp, type TestApp } from '../../helpers/context'
import { createWorkspaceAt, openWorkspaceAt } from '../../helpers/files'

let app: TestApp
let path: string
beforeEach(async () => {
  app = testApp()
  path = join(app.dir, 'personas.cxdesk')
  await createWorkspaceAt(app, path)
})
afterEach(() => app.cleanup())

const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='
const linh: Persona = { id: 'linh-01', name: 'Linh', avatar: 'L', photo: PNG_1PX, goals: 'Coffee in five minutes', frustrations: 'Queues', quote: 'My usual, fast.', demographics: '28' }

const errorCode = async (p: Promise<unknown>) => {
  try {
    await p
    return null
  } catch (e) {
    return e instanceof ApiCallError ? e.code : String(e)
  }
}

describe('the persona library', () => {
  it('is one persona for several maps: an edit on one map shows on the other, after a restart too', async () => {
    const a = (await app.api.call('journeys.create', { name: 'A', template: 'blank', locale: 'en' })).id
    const b = (await app.api.call('journeys.create', { name: 'B', template: 'blank', locale: 'en' })).id
    await app.api.call('journeys.savePersona', { persona: linh })
    await app.api.call('journeys.apply', { id: a, baseRevision: 0, commands: [{ type: 'setPersona', persona: linh }] })
    await app.api.call('journeys.apply', { id: b, baseRevision: 0, commands: [{ type: 'setPersona', persona: linh }] })
    expect((await app.api.call('journeys.personas', {})).personas).toEqual([{ ...linh, mapCount: 2, updatedAt: expect.any(Number) }])

    // Edited in map A's editor: map B (already loaded, so cached) shows the new quote.
    await app.api.call('journeys.get', { id: b })
    await app.api.call('journeys.apply', { id: a, baseRevision: 1, commands: [{ type: 'setPersona', persona: { ...linh, quote: 'Faster, please.' } }] })
    expect((await app.api.call('journeys.get', { id: b })).doc.persona?.quote).toBe('Faster, please.')
    // Edited in the library: both maps show it.
    await app.api.call('journeys.savePersona', { persona: { ...linh, name: 'Linh N.' } })
    expect((await app.api.call('journeys.get', { id: a })).doc.persona?.name).toBe('Linh N.')
    expect((await app.api.call('journeys.list', {})).maps.map((m) => m.personaName)).toEqual(['Linh N.', 'Linh N.'])

    await app.api.call('workspace.close', {})
    await openWorkspaceAt(app, path)
    expect((await app.api.call('journeys.get', { id: b })).doc.persona).toEqual({ ...linh, name: 'Linh N.' })
  })

  it('deletes with undo: the maps show no persona, then show it again when restored', async () => {
    const a = (await app.api.call('journeys.create', { name: 'A', template: 'blank', locale: 'en' })).id
    await app.api.call('journeys.apply', { id: a, baseRevision: 0, commands: [{ type: 'setPersona', persona: linh }] })
    expect(await app.api.call('journeys.deletePersona', { id: linh.id })).toEqual({ maps: 1 })
    expect((await app.api.call('journeys.get', { id: a })).doc.persona).toBeNull()
    expect((await app.api.call('journeys.personas', {})).personas).toEqual([])
    await app.api.call('journeys.restorePersona', { id: linh.id })
    expect((await app.api.call('journeys.get', { id: a })).doc.persona).toEqual(linh)
    expect(await errorCode(app.api.call('journeys.restorePersona', { id: linh.id }))).toBe('NOT_FOUND')

    // Only the last deletion can be undone: deleting another removes the first for good.
    const mai: Persona = { ...linh, id: 'mai-0002', name: 'Mai', photo: null }
    await app.api.call('journeys.savePersona', { persona: mai })
    await app.api.call('journeys.deletePersona', { id: linh.id })
    await app.api.call('journeys.deletePersona', { id: mai.id })
    expect(await errorCode(app.api.call('journeys.restorePersona', { id: linh.id }))).toBe('NOT_FOUND')
    await app.api.call('journeys.restorePersona', { id: mai.id })
    expect((await app.api.call('journeys.personas', {})).personas.map((p) => p.name)).toEqual(['Mai'])
  })

  it('reuses a template’s persona already in the library instead of copying it for every new map', async () => {
    const before = (await app.api.call('journeys.personas', {})).personas
    await app.api.call('journeys.create', { name: 'One', template: 'cafe', locale: 'vi' })
    await app.api.call('journeys.create', { name: 'Two', template: 'cafe', locale: 'vi' })
    const added = (await app.api.call('journeys.personas', {})).personas.filter((p) => !before.some((b) => b.id === p.id))
    expect(added).toHaveLength(1)
    expect(added[0].mapCount).toBe(2)
  })

  it('refuses a photo that is not the image it says, too large, or not an image at all', async () => {
    const bad = [
      'data:image/png;base64,/9j/4AAQSkZJRgABAQ==', // JPEG bytes named PNG
      `data:image/png;base64,${'A'.repeat(400_000)}`,
      'data:text/html;base64,PGgxPmhpPC9oMT4=',
      'https://example.com/photo.png',
    ]
    for (const photo of bad) expect(await errorCode(app.api.call('journeys.savePersona', { persona: { ...linh, photo } })), photo.slice(0, 30)).toBe('VALIDATION')
    expect((await app.api.call('journeys.personas', {})).personas).toEqual([])
    await app.api.call('journeys.savePersona', { persona: { ...linh, photo: 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==' } })
    expect((await app.api.call('journeys.personas', {})).personas).toHaveLength(1)
  })
})
