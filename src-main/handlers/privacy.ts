import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import {
  applyRetention,
  auditLog,
  deleteBackups,
  erase,
  exportAudit,
  listBackups,
  previewErasure,
  previewRetention,
  retentionState,
  saveRetention,
} from '../privacy/privacyService'
import { actorOf } from './scope'

export const privacyHandlers = {
  'privacy.previewErasure': ({ subject }, ctx) => previewErasure(ctx.session.require(), subject),
  'privacy.erase': (req, ctx) => erase(ctx.session.require(), req, actorOf(ctx), ctx.clock.now()),
  'privacy.retention': (_req, ctx) => retentionState(ctx.session.require(), ctx.clock.now()),
  'privacy.previewRetention': ({ months }, ctx) => previewRetention(ctx.session.require(), months, ctx.clock.now()),
  'privacy.saveRetention': ({ rule }, ctx) => saveRetention(ctx.session.require(), rule, actorOf(ctx), ctx.clock.now()),
  'privacy.applyRetention': (_req, ctx) => applyRetention(ctx.session.require(), actorOf(ctx), ctx.clock.now(), 'manual'),
  'privacy.audit': ({ limit, before }, ctx) => auditLog(ctx.session.require(), limit, before),
  'privacy.exportAudit': (_req, ctx) => exportAudit(ctx.session.require()),
  'privacy.backups': (_req, ctx) => ({ backups: listBackups(ctx.session.require()) }),
  'privacy.deleteBackups': ({ names }, ctx) => deleteBackups(ctx.session.require(), names, actorOf(ctx), ctx.clock.now()),
} satisfies Pick<
  Handlers<AppContext>,
  | 'privacy.previewErasure'
  | 'privacy.erase'
  | 'privacy.retention'
  | 'privacy.previewRetention'
  | 'privacy.saveRetention'
  | 'privacy.applyRetention'
  | 'privacy.audit'
  | 'privacy.exportAudit'
  | 'privacy.backups'
  | 'privacy.deleteBackups'
>
