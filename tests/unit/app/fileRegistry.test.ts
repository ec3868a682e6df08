import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FileRegistry } from '../../../src-main/common/fileRegistry'
import { opaqueId } from '../../../src-shared/api/limits'
import { testApp, type TestApp } from '../../helpers/context'
import { createWorkspaceAt } from '../../helpers/files'

let app: TestApp
beforeEach(() => {
  app = testApp()
})
afterEach(() => app.cleanup())

const GONE = { code: 'NOT_FOUND', message: 'That file is no longer available; choose it again.' }

describe('file references', () => {
  it('are unguessable opaque ids that the contract accepts', () => {
    const files = new FileRegistry()
    const path = join(app.dir, 'a.csv')
    writeFileSync(path, 'x')
    const ids = [files.register(path).id, files.registerWorkspace(join(app.dir, 'w.cxdesk')), files.registerDestination(join(app.dir, 'r.pdf'), 'reportPdf')]
    for (const id of ids) {
      expect(opaqueId.safeParse(id).success).toBe(true)
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    }
    expect(new Set(ids).size).toBe(3)
  })

  it('are good for their own purpose only, and a wrong use is told apart from nothing', () => {
    const files = new FileRegistry()
    const csv = join(app.dir, 'a.csv')
    writeFileSync(csv, 'x')
    const read = files.register(csv).id
    const workspace = files.registerWorkspace(join(app.dir, 'w.cxdesk'))
    const pdf = files.registerDestination(join(app.dir, 'r.pdf'), 'reportPdf')
    expect(files.resolve(read).path).toBe(csv)
    expect(() => files.resolveWorkspace(read)).toThrow(expect.objectContaining(GONE))
    expect(() => files.takeDestination(read, 'workspaceCopy')).toThrow(expect.objectContaining(GONE))
    expect(() => files.resolve(workspace)).toThrow(expect.objectContaining(GONE))
    expect(() => files.takeDestination(workspace, 'newWorkspace')).toThrow(expect.objectContaining(GONE))
    expect(() => files.takeDestination(pdf, 'workspaceCopy')).toThrow(expect.objectContaining(GONE))
    expect(() => files.resolveWorkspace(pdf)).toThrow(expect.objectContaining(GONE))
    expect(() => files.resolve('never-handed-out')).toThrow(expect.objectContaining(GONE))
    // The wrong uses above did not spend the destination.
    expect(files.takeDestination(pdf, 'reportPdf')).toBe(join(app.dir, 'r.pdf'))
  })

  it('lets a destination be written once', () => {
    const files = new FileRegistry()
    const id = files.registerDestination(join(app.dir, 'copy.cxdesk'), 'workspaceCopy')
    expect(files.takeDestination(id, 'workspaceCopy')).toBe(join(app.dir, 'copy.cxdesk'))
    expect(() => files.takeDestination(id, 'workspaceCopy')).toThrow(expect.objectContaining(GONE))
  })

  it('gives a workspace one id however often it is listed, and absolute paths only', () => {
    const files = new FileRegistry()
    const id = files.registerWorkspace(join(app.dir, 'w.cxdesk'))
    expect(files.registerWorkspace(join(app.dir, 'w.cxdesk'))).toBe(id)
    expect(files.resolveWorkspace(files.registerWorkspace('relative.cxdesk'))).toBe(resolve('relative.cxdesk'))
    expect(files.resolveWorkspace(id)).toBe(join(app.dir, 'w.cxdesk'))
  })
})

describe('workspace.list', () => {
  it('answers with an id for each recent and in-folder workspace, which workspace.open takes', async () => {
    const recent = join(app.dir, 'Elsewhere.cxdesk')
    await createWorkspaceAt(app, recent)
    await app.api.call('workspace.create', { name: 'In the folder' })
    await app.api.call('workspace.close', {})
    // A workspace the app never opened, dropped into its folder.
    await createWorkspaceAt(app, join(app.ctx.paths.workspacesDir, 'Dropped in.cxdesk'))
    await app.api.call('workspace.close', {})
    app.ctx.prefs?.update((p) => {
      p.recent = p.recent.filter((r) => !r.path.endsWith('Dropped in.cxdesk'))
    })

    const list = await app.api.call('workspace.list', {})
    expect(list.recent.map((r) => r.name)).toEqual(['In the folder', 'Elsewhere'])
    expect(list.inFolder.map((r) => r.name)).toEqual(['Dropped in'])
    expect((await app.api.call('workspace.list', {})).recent.map((r) => r.id)).toEqual(list.recent.map((r) => r.id))

    for (const w of [...list.recent, ...list.inFolder]) {
      expect(await app.api.call('workspace.open', { fileId: w.id })).toMatchObject({ path: w.path, name: w.name })
      await app.api.call('workspace.close', {})
    }
  })
})
