import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { cancelDataExport, exportData } from '../export/exportService'

export const exportHandlers = {
  'export.run': (req, ctx) => exportData(ctx, ctx.session.require(), req, ctx.clock.now()),
  'export.cancel': ({ exportId }) => {
    cancelDataExport(exportId)
    return null
  },
} satisfies Pick<Handlers<AppContext>, 'export.run' | 'export.cancel'>
