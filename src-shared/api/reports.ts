import { z } from 'zod'
import { defineChannel } from './define'
import { fileId } from './files'
import { id, isoDate, opaqueId, shortText } from './limits'
import { locales, type Locale } from '../domain/locales'
import { metricKinds } from '../domain/scores'
import { followUpStatuses } from '../domain/scores'
import { periodUnits } from '../domain/periods'
import { entityId, journeyDocSchema, MAX_IMAGE_CHARS } from '../domain/journeys/model'
import { dimensions, feedbackFilterSchema } from './filters'
import { changeSchema, dashboardMetrics, definitionsOnlySchema, driverSchema, figureSchema, metricsSeriesSchema, tileSchema, ttrRowSchema } from './metrics'

export const reportKinds = ['manager', 'consultant'] as const
export type ReportKind = (typeof reportKinds)[number]

/** Every section a report can hold, in the order they are printed. */
export const reportSections = [
  'cover',
  'contents',
  'headline',
  'whatChanged',
  'trends',
  'breakdowns',
  'drivers',
  'themes',
  'followUp',
  'personas',
  'journeys',
  'findings',
  'opportunities',
  'appendix',
] as const
export type ReportSection = (typeof reportSections)[number]

/** What each kind holds unless the user chooses otherwise. */
export const defaultSections: Record<ReportKind, ReportSection[]> = {
  manager: ['headline', 'whatChanged', 'trends', 'breakdowns', 'drivers', 'themes', 'followUp', 'appendix'],
  consultant: ['cover', 'contents', 'headline', 'whatChanged', 'personas', 'journeys', 'findings', 'opportunities', 'appendix'],
}

/**
 * Periods relative to the day the report is made, so a saved template makes next month's report;
 * `custom` uses the dates given; `all` covers every response in the workspace.
 */
export const periodPresets = ['all', 'last30', 'last90', 'thisMonth', 'lastMonth', 'thisQuarter', 'lastQuarter', 'yearToDate', 'lastYear', 'last12Months', 'custom'] as const
export type PeriodPreset = (typeof periodPresets)[number]

export const paperSizes = ['a4', 'letter'] as const
export type PaperSize = (typeof paperSizes)[number]
/** Journey maps print on landscape pages of their own: A4, or A3 for large maps. */
export const mapPaperSizes = ['a4', 'a3'] as const
export type MapPaperSize = (typeof mapPaperSizes)[number]
export const orientations = ['portrait', 'landscape'] as const
export type Orientation = (typeof orientations)[number]

/** Comments as written (contact details still masked when asked), with personal details removed, or left out. */
export const commentModes = ['include', 'redact', 'exclude'] as const
export type CommentMode = (typeof commentModes)[number]

const logo = z
  .string()
  .max(MAX_IMAGE_CHARS)
  .regex(/^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/, 'expected a PNG, JPEG, WebP or GIF data URL')

export const reportPeriodSchema = z.strictObject({
  preset: z.enum(periodPresets),
  /** For `custom` only: local calendar dates in the workspace's zone, inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
})
export type ReportPeriod = z.infer<typeof reportPeriodSchema>

export const brandingSchema = z.strictObject({
  clientName: shortText,
  clientLogo: logo.nullable(),
  consultantName: shortText,
  consultantLogo: logo.nullable(),
  /** The colour of headings and rules (white-label). */
  accent: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as #2b6cb0'),
  /**
   * "Made with CX Desk" in the footer. Absent (templates saved before it existed): the kind's
   * default (`showsMaker`): the manager summary says it, a consultant's deliverable is white-label.
   */
  credit: z.boolean().optional(),
})
export type Branding = z.infer<typeof brandingSchema>

export const privacySchema = z.strictObject({
  /** Customers' e-mail addresses and phone numbers shown masked (k•••@example.com, ••• ••• 567). */
  maskContacts: z.boolean(),
  comments: z.enum(commentModes),
})

/** A report is described entirely by its options; a template is named, saved options. */
export const reportOptionsSchema = z.strictObject({
  kind: z.enum(reportKinds),
  /** Empty: the kind's own title in the report's language. */
  title: shortText,
  sections: z.array(z.enum(reportSections)).max(reportSections.length),
  period: reportPeriodSchema,
  /** The inbox's filter; its own dates are ignored (the period decides). */
  filter: feedbackFilterSchema,
  /** The score that breakdowns, drivers and themes are shown in. */
  metric: z.enum(metricKinds),
  locale: z.enum(locales),
  paper: z.enum(paperSizes),
  orientation: z.enum(orientations),
  privacy: privacySchema,
  branding: brandingSchema,
  /** Journey maps in the deliverable; empty means every map. */
  journeyIds: z.array(entityId).max(50),
  /** The landscape paper journey maps print on (absent: A4). */
  mapPaper: z.enum(mapPaperSizes).optional(),
})
export type ReportOptions = z.infer<typeof reportOptionsSchema>

/** Whether the report says it was made with CX Desk: the consultant's choice, else only the manager summary does. */
export function showsMaker(options: Pick<ReportOptions, 'kind' | 'branding'>): boolean {
  return options.branding.credit ?? options.kind === 'manager'
}

export const DEFAULT_ACCENT = '#2b6cb0'

export function defaultReportOptions(kind: ReportKind = 'manager', locale: Locale = 'en'): ReportOptions {
  return {
    kind,
    title: '',
    sections: [...defaultSections[kind]],
    period: { preset: kind === 'manager' ? 'lastMonth' : 'last90' },
    filter: {},
    metric: 'nps',
    locale,
    paper: 'a4',
    orientation: 'portrait',
    privacy: { maskContacts: true, comments: 'include' },
    branding: { clientName: '', clientLogo: null, consultantName: '', consultantLogo: null, accent: DEFAULT_ACCENT },
    journeyIds: [],
  }
}

export const reportTemplateSchema = z.object({ id: z.number().int(), name: z.string(), options: reportOptionsSchema, updatedAt: z.number() })
export type ReportTemplate = z.infer<typeof reportTemplateSchema>

const rangeSchema = z.object({ from: isoDate, to: isoDate })
export type DateRange = z.infer<typeof rangeSchema>

/**
 * One sentence of "what changed", as the figures it states: the page words it from the catalogue
 * in the report's language, and every number in it is a figure printed elsewhere in the report.
 */
export const statementSchema = z.discriminatedUnion('kind', [
  /** A headline figure against the comparison period, with the significance verdict of its tile. */
  z.object({
    kind: z.literal('change'),
    metric: z.enum(dashboardMetrics),
    value: z.number(),
    previous: z.number(),
    delta: z.number(),
    moe95: z.number().nullable(),
    significant: z.boolean().nullable(),
    reason: z.enum(['lowSample', 'noMargin']).nullable(),
    /** A median's two 95% intervals, which its verdict compares (TTR). */
    intervals: changeSchema.shape.intervals,
    n: z.number().int(),
    previousN: z.number().int(),
  }),
  /** A headline figure with nothing to compare it with. */
  z.object({ kind: z.literal('level'), metric: z.enum(dashboardMetrics), value: z.number(), n: z.number().int(), lowSample: z.boolean() }),
  /** The touchpoint, channel or theme that pulls the score down most (the drivers table's first row). */
  z.object({ kind: z.literal('driver'), metric: z.enum(metricKinds), dim: z.enum(['touchpoint', 'channel', 'tag']), group: z.string(), value: z.number(), rest: z.number(), impact: z.number(), n: z.number().int() }),
  /** Follow-up: what is still open and how fast the rest was resolved. */
  z.object({ kind: z.literal('followUp'), openPoor: z.number().int(), stillOpen: z.number().int(), resolved: z.number().int(), medianHours: z.number().nullable(), p90Hours: z.number().nullable() }),
  /** The most frequent theme. */
  z.object({ kind: z.literal('theme'), tag: z.string(), count: z.number().int(), share: z.number() }),
])
export type Statement = z.infer<typeof statementSchema>

export const reportCommentSchema = z.object({
  date: isoDate,
  text: z.string(),
  metric: z.enum(metricKinds).nullable(),
  score: z.number().nullable(),
  scaleMax: z.number().nullable(),
  language: z.string().nullable(),
  touchpoint: z.string().nullable(),
})
export type ReportComment = z.infer<typeof reportCommentSchema>

/** A detractor (or unsatisfied customer) still waiting for a follow-up; contact details masked unless the report says otherwise. */
export const openItemSchema = z.object({
  date: isoDate,
  waitingDays: z.number().int(),
  customer: z.string().nullable(),
  contact: z.string().nullable(),
  metric: z.enum(metricKinds).nullable(),
  score: z.number().nullable(),
  scaleMax: z.number().nullable(),
  touchpoint: z.string().nullable(),
  location: z.string().nullable(),
  owner: z.string().nullable(),
  status: z.enum(followUpStatuses),
  comment: z.string().nullable(),
})
export type OpenItem = z.infer<typeof openItemSchema>

export const mapFigureSchema = z.object({ touchpoint: z.string().nullable(), channel: z.string().nullable(), current: figureSchema.nullable(), previous: figureSchema.nullable() })
export type MapFigure = z.infer<typeof mapFigureSchema>

export const reportDataSchema = z.object({
  workspace: z.object({ name: z.string(), timezone: z.string() }),
  /** What the report calls each channel code, in the report's language (the workspace's labels, else the built-in ones). */
  channelLabels: z.record(z.string(), z.string()),
  generatedAt: z.number(),
  /** The options after defaults, with the period as it was resolved. */
  options: reportOptionsSchema,
  period: rangeSchema,
  comparison: rangeSchema.nullable(),
  /** Responses in the period that the filter selects. */
  responses: z.number().int(),
  headline: z.object({ tiles: z.array(tileSchema), cesLowerBetter: z.boolean() }).nullable(),
  /**
   * The survey questions behind each score, with the answers each had in the period (its n): a score
   * asked by several questions pools them, and the report says which questions each figure answers.
   */
  questions: z.array(z.object({ metric: z.enum(metricKinds), label: z.string(), n: z.number().int() })),
  whatChanged: z.array(statementSchema).nullable(),
  trends: z.object({ by: z.enum(periodUnits), window: rangeSchema, series: z.array(metricsSeriesSchema) }).nullable(),
  breakdowns: z.object({ metric: z.enum(metricKinds), items: z.array(z.object({ dim: z.enum(dimensions), series: metricsSeriesSchema })) }).nullable(),
  drivers: z.object({ metric: z.enum(metricKinds), overall: figureSchema, drivers: z.array(driverSchema) }).nullable(),
  themes: z
    .object({
      metric: z.enum(metricKinds),
      items: z.array(z.object({ tag: z.string(), count: z.number().int(), figure: figureSchema.nullable(), comments: z.array(reportCommentSchema) })),
    })
    .nullable(),
  followUp: z
    .object({
      ttr: ttrRowSchema,
      businessHours: z.boolean(),
      /** Poor answers in the period by follow-up status. */
      byStatus: z.record(z.enum(followUpStatuses), z.number().int()),
      openPoor: z.number().int(),
      oldest: z.array(openItemSchema),
    })
    .nullable(),
  journeys: z
    .object({
      range: rangeSchema,
      previous: rangeSchema.nullable(),
      maps: z.array(z.object({ doc: journeyDocSchema, figures: z.array(mapFigureSchema) })),
    })
    .nullable(),
  appendix: z
    .object({
      definitions: definitionsOnlySchema,
      samples: z.array(z.object({ metric: z.enum(dashboardMetrics), n: z.number().int(), previousN: z.number().int().nullable() })),
    })
    .nullable(),
})
export type ReportData = z.infer<typeof reportDataSchema>

/** Export stages, in order; the page shows them as progress. */
export const exportStages = ['data', 'starting', 'rendering', 'printing', 'writing', 'done', 'failed', 'cancelled'] as const
export type ExportStage = (typeof exportStages)[number]
export const exportProgressSchema = z.object({ exportId: z.string(), stage: z.enum(exportStages), message: z.string().optional() })
export type ExportProgress = z.infer<typeof exportProgressSchema>

const templateName = shortText.min(1).max(80)

export const reportsChannels = {
  'reports.templates': defineChannel(z.strictObject({}), z.object({ templates: z.array(reportTemplateSchema) })),
  /** Saves a template (with id: replaces it); names are unique in a workspace. */
  'reports.saveTemplate': defineChannel(z.strictObject({ id: id.optional(), name: templateName, options: reportOptionsSchema }), reportTemplateSchema),
  /** Deletes a template and returns it, so the page can offer Undo. */
  'reports.deleteTemplate': defineChannel(z.strictObject({ id }), reportTemplateSchema),
  /** Every figure, text and map the report shows, computed from the workspace (contacts masked and comments redacted here). */
  'reports.data': defineChannel(z.strictObject({ options: reportOptionsSchema }), reportDataSchema),
  /** The print page's report: the options and data registered for one export (short-lived, by id). */
  'reports.printJob': defineChannel(z.strictObject({ jobId: opaqueId }), z.object({ data: reportDataSchema })),
  /**
   * Makes the PDF: computes the data, lays it out in the print page and prints it, with progress
   * (reports.progress) and cancel. The desktop asks where to save it (null: the user cancelled);
   * the CLI gives `fileId`, a destination it registered; in a browser the file is kept for one download.
   */
  'reports.export': defineChannel(
    z.strictObject({ exportId: opaqueId, options: reportOptionsSchema, fileId: fileId.optional() }),
    z.object({ path: z.string().nullable(), downloadId: z.string().nullable(), fileName: z.string(), pages: z.number().int().nullable(), bytes: z.number().int() }).nullable(),
  ),
  'reports.cancelExport': defineChannel(z.strictObject({ exportId: opaqueId }), z.null()),
}
