import { join } from 'node:path'
import { createAppContext } from '../app/createAppContext'
import { createDispatcher } from '../app/dispatch'
import { handlers } from '../handlers/index'
import { openInitialWorkspace } from '../app/workspaceActions'
import { watchExternalWrites } from '../workspace/externalWrites'
import { startHost } from './server'
import { newToken } from './security'
import { WarmPrinter, warmingOnReports } from '../reports/printing/warmPrinter'

/** `npm run web`: the same app in a browser, served on 127.0.0.1 with a per-launch token. */
async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const portArg = args.indexOf('--port')
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 0
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be a number from 0 to 65535 (0 picks a free port).`)
    process.exit(2)
  }
  const staticDir = process.env.CXDESK_RENDERER_DIR ?? join(__dirname, '..', '..', 'out', 'renderer')
  let appUrl: string | null = null
  // One headless browser for every PDF export, kept warm while reports are being made (warmPrinter.ts).
  const printer = new WarmPrinter({ appUrl: () => appUrl })
  const ctx = createAppContext({
    platform: { kind: 'web', rendererDir: staticDir, systemLocales: () => [Intl.DateTimeFormat().resolvedOptions().locale], printToPdf: printer.print },
  })
  await openInitialWorkspace(ctx)
  // Answers from `cxdesk collect` (another process writing the same file) show within a second.
  const stopWatching = watchExternalWrites({ workspace: () => ctx.session.open, events: ctx.events })
  const invoke = warmingOnReports(
    createDispatcher(handlers, ctx, { onInternalError: (channel, e) => console.error(`[${channel}]`, e) }),
    printer,
  )
  const host = await startHost({ ctx, invoke, token: newToken(), staticDir, port })
  appUrl = host.url
  console.log(`CX Desk listening on ${host.url}`)
  const stop = async () => {
    stopWatching()
    await ctx.collection.stop()
    await printer.close()
    await host.close()
    await ctx.session.close()
    process.exit(0)
  }
  // Defence in depth: a promise some service left floating must not end the host for every tab.
  // (Requests cannot: each runs inside the server's own error boundary.)
  process.on('unhandledRejection', (reason) => console.error('[host] unhandled rejection', reason))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
