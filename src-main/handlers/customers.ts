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
import { attachRiskHost, cancelRisk, riskRulesOf, riskStatus, saveRiskRules } from '../customers/riskService'
import { exportSubject, findSubjects, subjectPrintJob } from '../customers/subjectAccessService'
import { actorOf } from './scope'

/** The open workspace, with where its risk pass reports (customers.risk) and which SQLite build a worker loads. */
const withRisk = (ctx: AppContext) => attachRiskHost(ctx.session.require(), { emit: (p) => ctx.events.emit('customers.risk', p), nativeBinding: ctx.sqlite.nativeBinding })

export const customersHandlers = {
  'customers.list': (req, ctx) => listCustomers(withRisk(ctx), req, ctx.clock.now()),
  'customers.count': ({ filter }, ctx) => countCustomers(withRisk(ctx), filter, ctx.clock.now()),
  'customers.facets': (_req, ctx) => facets(ctx.session.require()),
  'customers.get': ({ id }, ctx) => customerProfile(withRisk(ctx), id, ctx.clock.now()),
  'customers.save': (req, ctx) => saveCustomer(ctx.session.require(), req, ctx.clock.now(), actorOf(ctx)),
  'customers.addNote': (req, ctx) => addCustomerNote(ctx.session.require(), req, actorOf(ctx), ctx.clock.now()),
  'customers.duplicates': ({ limit }, ctx) => duplicateGroups(ctx.session.require(), limit),
  'customers.merge': ({ keepId, mergeId }, ctx) => merge(ctx.session.require(), keepId, mergeId, actorOf(ctx), ctx.clock.now()),
  'customers.undoMerge': ({ merge: record }, ctx) => unmerge(ctx.session.require(), record, ctx.clock.now()),
  'customers.atRisk': ({ limit }, ctx) => atRisk(withRisk(ctx), limit, ctx.clock.now()),
  'customers.riskRules': (_req, ctx) => riskRulesOf(ctx.session.require()),
  'customers.saveRiskRules': ({ rules }, ctx) => saveRiskRules(ctx.session.require(), rules),
  'customers.churnByBand': (_req, ctx) => churnByBand(withRisk(ctx), ctx.clock.now()),
  'customers.riskStatus': (_req, ctx) => riskStatus(ctx.session.require()),
  'customers.cancelRisk': (_req, ctx) => cancelRisk(ctx.session.require()),
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
  | 'customers.riskStatus'
  | 'customers.cancelRisk'
  | 'customers.subjectFind'
  | 'customers.subjectExport'
  | 'customers.subjectPrintJob'
>
