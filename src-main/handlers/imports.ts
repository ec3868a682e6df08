import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { importGeneratorCsv } from '../services/importService'

export const importHandlers = {
  'import.run': async ({ fileId }, ctx) => {
    const open = ctx.session.require()
    const file = ctx.files.resolve(fileId)
    const summary = await importGeneratorCsv(open, file, { clock: ctx.clock, onProgress: (p) => ctx.events.emit('import.progress', p) })
    const info = await ctx.session.info()
    ctx.events.emit('workspace.changed', info)
    return summary
  },
} satisfies Pick<Handlers<AppContext>, 'import.run'>
