import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import {
  addContact,
  contactRulesOf,
  contactState,
  deleteContact,
  exportSurveyList,
  pendingSurveyLists,
  recordSurveyList,
  restoreContact,
  saveContactRules,
  setConsent,
  surveyList,
  takeBackSend,
} from '../customers/contactService'
import { actorOf } from './scope'

export const customerContactsHandlers = {
  'customers.contactRules': (_req, ctx) => contactRulesOf(ctx.session.require()),
  'customers.saveContactRules': ({ rules }, ctx) => saveContactRules(ctx.session.require(), rules),
  'customers.contacts': ({ customerId }, ctx) => contactState(ctx.session.require(), customerId, ctx.clock.now()),
  'customers.addContact': (req, ctx) => addContact(ctx.session.require(), req, actorOf(ctx), ctx.clock.now()),
  'customers.deleteContact': ({ id }, ctx) => deleteContact(ctx.session.require(), id, ctx.clock.now()),
  'customers.restoreContact': ({ id }, ctx) => restoreContact(ctx.session.require(), id),
  'customers.setConsent': (req, ctx) => setConsent(ctx.session.require(), req, ctx.clock.now()),
  'customers.surveyList': (req, ctx) => surveyList(ctx.session.require(), req, ctx.clock.now()),
  'customers.surveyListExport': (req, ctx) => exportSurveyList(ctx, ctx.session.require(), req, ctx.clock.now()),
  'customers.surveyListRecord': ({ token }, ctx) => recordSurveyList(ctx.session.require(), token, actorOf(ctx), ctx.clock.now()),
  'customers.pendingSurveyLists': (_req, ctx) => pendingSurveyLists(ctx.session.require(), ctx.clock.now()),
  'customers.undoSend': ({ send }, ctx) => takeBackSend(ctx.session.require(), send, ctx.clock.now()),
} satisfies Pick<
  Handlers<AppContext>,
  | 'customers.contactRules'
  | 'customers.saveContactRules'
  | 'customers.contacts'
  | 'customers.addContact'
  | 'customers.deleteContact'
  | 'customers.restoreContact'
  | 'customers.setConsent'
  | 'customers.surveyList'
  | 'customers.surveyListExport'
  | 'customers.surveyListRecord'
  | 'customers.pendingSurveyLists'
  | 'customers.undoSend'
>
