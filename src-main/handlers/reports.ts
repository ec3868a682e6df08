import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { printJob } from '../reports/printing/printJobs'
import { reportData, type ReportSource } from '../reports/reportData'
import { cancelExport, exportReport } from '../reports/reportExport'
import { deleteReportTemplate, listReportTemplates, saveReportTemplate } from '../reports/reportTemplates'
import { metricsOf } from './scope'

/** What a report reads: the metrics engine's source (summaries folded first), the workspace, and the clock. */
function reportSource(ctx: AppContext): ReportSource {
  return { ...metricsOf(ctx).source(), open: ctx.session.require(), now: ctx.clock.now() }
}

export const reportsHandlers = {
  'reports.templates': async (_req, ctx) => ({ templates: await listReportTemplates(ctx.session.require()) }),
  'reports.saveTemplate': (req, ctx) => saveReportTemplate(ctx.session.require(), req, ctx.clock.now()),
  'reports.deleteTemplate': ({ id }, ctx) => deleteReportTemplate(ctx.session.require(), id),
  'reports.data': ({ options }, ctx) => reportData(reportSource(ctx), options),
  'reports.printJob': ({ jobId }) => ({ data: printJob(jobId) }),
  'reports.export': (req, ctx) => exportReport(ctx, reportSource(ctx), req),
  'reports.cancelExport': ({ exportId }) => {
    cancelExport(exportId)
    return null
  },
} satisfies Pick<Handlers<AppContext>, 'reports.templates' | 'reports.saveTemplate' | 'reports.deleteTemplate' | 'reports.data' | 'reports.printJob' | 'reports.export' | 'reports.cancelExport'>
