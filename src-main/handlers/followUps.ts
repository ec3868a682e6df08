import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { actorOf } from './scope'
import { countFollowUps, followUpRuleOf, onTime, reminders, restoreSnooze, setFollowUpRule, snooze } from '../feedback/followUpService'

/** Follow-ups that come back: due dates from the workspace's rule, the overdue view, snooze, reminders (issue 16). */
export const followUpHandlers = {
  'feedback.followUpRule': (_req, ctx) => followUpRuleOf(ctx.session.require()),
  'feedback.setFollowUpRule': ({ rule }, ctx) => setFollowUpRule(ctx.session.require(), rule),
  'feedback.followUpCounts': (_req, ctx) => countFollowUps(ctx.session.require(), ctx.clock.now()),
  'feedback.onTime': ({ filter }, ctx) => onTime(ctx.session.require(), filter ?? {}, ctx.clock.now()),
  'feedback.snooze': ({ ids, until }, ctx) => snooze(ctx.session.require(), ids, until, actorOf(ctx), ctx.clock.now()),
  'feedback.restoreSnooze': ({ items }, ctx) => restoreSnooze(ctx.session.require(), items, actorOf(ctx)),
  'feedback.reminders': ({ since }, ctx) => reminders(ctx.session.require(), since, ctx.clock.now()),
  'feedback.notify': ({ title, body }, ctx) => ({ shown: ctx.platform.notify?.(title, body) ?? false }),
} satisfies Pick<
  Handlers<AppContext>,
  | 'feedback.followUpRule'
  | 'feedback.setFollowUpRule'
  | 'feedback.followUpCounts'
  | 'feedback.onTime'
  | 'feedback.snooze'
  | 'feedback.restoreSnooze'
  | 'feedback.reminders'
  | 'feedback.notify'
>
