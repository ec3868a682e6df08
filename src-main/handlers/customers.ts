import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import {
  addCustomerNote,
  atRisk,
  churnByBand,
  countCustomers,
  customerProfile,
  duplicateGroups,
  facets,
  listCustomers,
  merge,
  saveCustomer,
  unmerge,
} from '../customers/customersService'
import { riskRulesOf, saveRiskRules } from '../customers/riskService'
import { exportSubject, findSubjects, subjectPrintJob } from '../customers/subjectAccessService'
import { actorOf } from './scope'

export const customersHandlers = {
  'customers.list': (req, ctx) => listCustomers(ctx.session.require(), req, ctx.clock.now()),
  'customers.count': ({ filter }, ctx) => countCustomers(ctx.session.require(), filter, ctx.clock.now()),
  'customers.facets': (_req, ctx) => facets(ctx.session.require()),
  'customers.get': ({ id }, ctx) => customerProfile(ctx.session.require(), id, ctx.clock.now()),
  'customers.save': (req, ctx) => saveCustomer(ctx.session.require(), req, ctx.clock.now(), actorOf(ctx)),
  'customers.addNote': (req, ctx) => addCustomerNote(ctx.session.require(), req, actorOf(ctx), ctx.clock.now()),
  'customers.duplicates': ({ limit }, ctx) => duplicateGroups(ctx.session.require(), limit),
  'customers.merge': ({ keepId, mergeId }, ctx) => merge(ctx.session.require(), keepId, mergeId, actorOf(ctx), ctx.clock.now()),
  'customers.undoMerge': ({ merge: record }, ctx) => unmerge(ctx.session.require(), record, ctx.clock.now()),
  'customers.atRisk': ({ limit }, ctx) => atRisk(ctx.session.require(), limit, ctx.clock.now()),
  'customers.riskRules': (_req, ctx) => riskRulesOf(ctx.session.require()),
  'customers.saveRiskRules': ({ rules }, ctx) => saveRiskRules(ctx.session.require(), rules),
  'customers.churnByBand': (_req, ctx) => churnByBand(ctx.session.require(), ctx.clock.now()),
  'customers.subjectFind': async ({ query }, ctx) => ({ matches: await findSubjects(ctx.session.require(), query) }),
  'customers.subjectExport': (req, ctx) => exportSubject(ctx, ctx.session.require(), req, ctx.clock.now(), actorOf(ctx)),
  'customers.subjectPrintJob': ({ jobId }) => subjectPrintJob(jobId),
} satisfies Pick<
  Handlers<AppContext>,
  | 'customers.list'
  | 'customers.count'
  | 'customers.facets'
  | 'customers.get'
  | 'customers.save'
  | 'customers.addNote'
  | 'customers.duplicates'
  | 'customers.merge'
  | 'customers.undoMerge'
  | 'customers.atRisk'
  | 'customers.riskRules'
  | 'customers.saveRiskRules'
  | 'customers.churnByBand'
  | 'customers.subjectFind'
  | 'customers.subjectExport'
  | 'customers.subjectPrintJob'
>
