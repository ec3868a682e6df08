import { afterEach } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppContext } from '../../src-main/app/createAppContext'
import { createDispatcher } from '../../src-main/app/dispatch'
import type { AppContext } from '../../src-main/app/context'
import type { Platform } from '../../src-main/common/platform'
import type { SeedName } from '../../src-main/workspace/opening/seeds'
import { handlers } from '../../src-main/handlers/index'
import { clientFromInvoke } from '../../src-shared/api/client'
import type { ApiClient, RawInvoke } from '../../src-shared/api/contract'
import { fakeClock } from './clock'

export interface TestApp {
  dir: string
  ctx: AppContext
  invoke: RawInvoke
  api: ApiClient
  cleanup(): Promise<void>
}

/** A whole app context over a temporary data folder, with the direct transport, as the CLI and host build it. */
export function testApp(opts: { platform?: Platform; timezone?: string } = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'cxdesk-test-'))
  const ctx = createAppContext({
    platform: opts.platform ?? { kind: 'web', systemLocales: () => ['en-US'] },
    paths: { dataDir: join(dir, 'data'), workspacesDir: join(dir, 'workspaces'), uploadsDir: join(dir, 'data', 'uploads') },
    clock: fakeClock(),
    defaultTimezone: opts.timezone ?? 'Asia/Bangkok',
  })
  const invoke = createDispatcher(handlers, ctx, { validateResponses: true })
  return {
    dir,
    ctx,
    invoke,
    api: clientFromInvoke(invoke),
    async cleanup() {
      await ctx.session.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A whole app context, as testApp, with a new workspace open in memory: made by the same code as a
 * new workspace file (WorkspaceSession.createInMemory), so a test of the contract needs no disk for
 * it. `seed: 'cafeDemo'` gives the demo's data, as workspace.openDemo does.
 */
export async function testAppInMemory(opts: { platform?: Platform; timezone?: string; name?: string; seed?: SeedName } = {}): Promise<TestApp> {
  const app = testApp(opts)
  try {
    await app.ctx.session.createInMemory({ name: opts.name, seed: opts.seed, isDemo: opts.seed !== undefined })
  } catch (e) {
    await app.cleanup()
    throw e
  }
  return app
}

/**
 * A maker of in-memory apps in a time zone, each cleaned up after the test that made it (the
 * afterEach is registered in the calling file).
 */
export function appsInZones(): (timezone: string) => Promise<TestApp> {
  const apps: TestApp[] = []
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.cleanup()
  })
  return async (timezone) => {
    const a = await testAppInMemory({ timezone })
    apps.push(a)
    return a
  }
}
