import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { cancelImport, inspectImport, runImport } from '../import/importService'
import { listImports, rereadImport } from '../import/importHistory'

export const importHandlers = {
  'import.inspect': ({ fileId, ...req }, ctx) => inspectImport(ctx.session.require(), ctx.files.resolve(fileId), req),
  'import.run': async ({ fileId, ...req }, ctx) => {
    const open = ctx.session.require()
    const summary = await runImport(open, ctx.files.resolve(fileId), req, {
      clock: ctx.clock,
      emit: (p) => ctx.events.emit('import.progress', p),
      nativeBinding: ctx.sqlite.nativeBinding,
    })
    if (!summary.dryRun) ctx.events.emit('workspace.changed', await ctx.session.info())
    return summary
  },
  'import.cancel': ({ jobId }) => ({ cancelled: cancelImport(jobId) }),
  'import.list': (_req, ctx) => listImports(ctx.session.require()),
  'import.reread': async ({ importId, timezone }, ctx) => {
    const result = rereadImport(ctx.session.require(), importId, timezone)
    ctx.events.emit('workspace.changed', await ctx.session.info())
    return result
  },
} satisfies Pick<Handlers<AppContext>, 'import.inspect' | 'import.run' | 'import.cancel' | 'import.list' | 'import.reread'>
