import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppContext } from '../../src-main/app/createAppContext'
import { createDispatcher } from '../../src-main/app/dispatch'
import type { AppContext } from '../../src-main/app/context'
import type { Platform } from '../../src-main/common/platform'
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
