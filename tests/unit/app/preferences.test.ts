import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PreferencesStore } from '../../../src-main/common/preferences'
import { testApp } from '../../helpers/context'
import { openInitialWorkspace } from '../../../src-main/app/workspaceActions'
import { createAppContext } from '../../../src-main/app/createAppContext'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-prefs-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('preferences', () => {
  it('starts as a first run, then remembers language and recent files across restarts', () => {
    const a = PreferencesStore.inDir(dir)
    expect(a.firstRun).toBe(true)
    a.update((p) => {
      p.locale = 'th'
    })
    a.rememberOpened('/w/a.cxdesk', 'A', 1)
    a.rememberOpened('/w/b.cxdesk', 'B', 2)
    a.rememberOpened('/w/a.cxdesk', 'A', 3)
    const b = PreferencesStore.inDir(dir)
    expect(b.firstRun).toBe(false)
    expect(b.get()).toEqual({
      locale: 'th',
      lastWorkspace: '/w/a.cxdesk',
      recent: [
        { path: '/w/a.cxdesk', name: 'A', lastOpenedAt: 3 },
        { path: '/w/b.cxdesk', name: 'B', lastOpenedAt: 2 },
      ],
      userName: null,
      inboxDensity: 'comfortable',
      hidePersonalData: false,
    })
  })

  it('remembers "Hide personal data" across launches', () => {
    PreferencesStore.inDir(dir).update((p) => {
      p.hidePersonalData = true
    })
    expect(PreferencesStore.inDir(dir).get().hidePersonalData).toBe(true)
  })

  it('remembers the name recorded as the actor of follow-ups', () => {
    PreferencesStore.inDir(dir).update((p) => {
      p.userName = 'Lan'
    })
    expect(PreferencesStore.inDir(dir).get().userName).toBe('Lan')
  })

  it('survives a damaged preferences file', () => {
    writeFileSync(join(dir, 'preferences.json'), '{"locale": "th", "recent": [')
    const p = PreferencesStore.inDir(dir)
    expect(p.get().recent).toEqual([])
    p.update((x) => {
      x.locale = 'vi'
    })
    expect(JSON.parse(readFileSync(join(dir, 'preferences.json'), 'utf8')).locale).toBe('vi')
  })
})

describe('the first start', () => {
  it('opens the demo on the very first run, and the last workspace after a restart', async () => {
    const app = testApp()
    await openInitialWorkspace(app.ctx)
    expect(app.ctx.session.open?.settings.isDemo).toBe(true)
    const mine = await app.api.call('workspace.create', { name: 'Mine' })
    await app.ctx.session.close()

    // A restart: a new context over the same data folder.
    const restarted = createAppContext({ platform: app.ctx.platform, paths: app.ctx.paths, clock: app.ctx.clock, defaultTimezone: 'UTC' })
    expect(restarted.prefs?.firstRun).toBe(false)
    await openInitialWorkspace(restarted)
    expect(restarted.session.open?.ws.path).toBe(mine?.path)
    await restarted.session.close()
    await app.cleanup()
  })

  it('shows the start screen, not the demo, when the last workspace has gone', async () => {
    const app = testApp()
    const gone = await app.api.call('workspace.create', { name: 'Gone' })
    await app.ctx.session.close()
    rmSync(gone!.path)
    const restarted = createAppContext({ platform: app.ctx.platform, paths: app.ctx.paths, clock: app.ctx.clock, defaultTimezone: 'UTC' })
    await openInitialWorkspace(restarted)
    expect(restarted.session.open).toBeNull()
    await app.cleanup()
  })
})
