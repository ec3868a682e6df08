import type { Handlers } from '../../src-shared/api/contract'
import { AppError } from '../../src-shared/api/result'
import type { AppContext } from '../app/context'

export const filesHandlers = {
  'files.pick': async (_req, ctx) => {
    if (!ctx.platform.dialogs) throw new AppError('UNSUPPORTED', 'Choosing files with a dialog is only available in the desktop app; upload the file instead.')
    const path = await ctx.platform.dialogs.chooseImportFile()
    return path ? ctx.files.register(path) : null
  },
} satisfies Pick<Handlers<AppContext>, 'files.pick'>
