import type { ReportOptions } from '../api/reports'
import type { Translate } from '../i18n/translate'

/**
 * A report's title: the one typed, else the kind's own in the report's language. A consultant's
 * deliverable is titled for its client ("Customer experience review"), never after the tool.
 */
export function reportTitle(options: Pick<ReportOptions, 'kind' | 'title'>, t: Translate): string {
  return options.title.trim() || t(options.kind === 'manager' ? 'report.kind.manager' : 'report.defaultTitle.consultant')
}

/** Whom the report is for, as its header and file name say: the client's name, else the workspace's. */
export function reportAudience(options: Pick<ReportOptions, 'branding'>, workspaceName: string): string {
  return options.branding.clientName.trim() || workspaceName
}
