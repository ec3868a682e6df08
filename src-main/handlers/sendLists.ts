import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { importSendList, previewSendList, sendListImports, undoSendList } from '../customers/sendListService'
import { actorOf } from './scope'

export const sendListHandlers = {
  'customers.sendListPreview': (req, ctx) => previewSendList(ctx.session.require(), ctx.files.resolve(req.fileId), req, ctx.clock.now()),
  'customers.sendListImport': (req, ctx) => importSendList(ctx.session.require(), ctx.files.resolve(req.fileId), req, actorOf(ctx), ctx.clock.now()),
  'customers.sendListUndo': ({ importId }, ctx) => undoSendList(ctx.session.require(), importId, ctx.clock.now()),
  'customers.sendListImports': ({ limit }, ctx) => sendListImports(ctx.session.require(), limit),
} satisfies Pick<Handlers<AppContext>, 'customers.sendListPreview' | 'customers.sendListImport' | 'customers.sendListUndo' | 'customers.sendListImports'>
