import { z } from 'zod'
import { defineChannel } from './define'
import { id, opaqueId, shortText } from './limits'
import { locales } from '../domain/locales'
import { metricKinds } from '../domain/scores'
import { COLOUR_PATTERN, linkKinds } from '../domain/collection'

export const surveyLinkSchema = z.object({
  id: z.number(),
  token: z.string(),
  kind: z.enum(linkKinds),
  location: z.string().nullable(),
  createdAt: z.number(),
  revokedAt: z.number().nullable(),
})
export type SurveyLink = z.infer<typeof surveyLinkSchema>

export const surveySchema = z.object({
  id: z.number(),
  name: z.string(),
  metric: z.enum(metricKinds),
  askComment: z.boolean(),
  askContact: z.boolean(),
  shopName: z.string(),
  colour: z.string(),
  /** The logo as a data URL, for the designer's preview; null without one. */
  logo: z.string().nullable(),
  location: z.string().nullable(),
  touchpoint: z.string().nullable(),
  links: z.array(surveyLinkSchema),
  answers: z.number(),
})
export type Survey = z.infer<typeof surveySchema>

const optionalPlace = shortText.trim().nullable()

/** What the designer saves: a new survey (no id) or changes to one. */
export const surveyInputSchema = z.strictObject({
  id: id.optional(),
  name: shortText.trim().min(1),
  metric: z.enum(metricKinds),
  askComment: z.boolean(),
  askContact: z.boolean(),
  shopName: shortText.trim(),
  colour: z.string().regex(COLOUR_PATTERN, 'expected a colour as #rrggbb'),
  location: optionalPlace,
  touchpoint: optionalPlace,
})
export type SurveyInput = z.infer<typeof surveyInputSchema>

/** A logo up to 200 KB as a PNG, JPEG or WebP data URL (no SVG: the page shows it to the public). */
export const MAX_LOGO_CHARS = 280_000
export const logoSchema = z
  .string()
  .max(MAX_LOGO_CHARS)
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, 'expected a PNG, JPEG or WebP data URL')

export const networkInterfaceSchema = z.object({ name: z.string(), address: z.string(), loopback: z.boolean() })

export const collectionStatusSchema = z.object({
  running: z.boolean(),
  host: z.string().nullable(),
  port: z.number().nullable(),
  /** http://host:port, to which a link's /s/<token> is added. */
  baseUrl: z.string().nullable(),
  answers: z.number(),
})
export type CollectionStatus = z.infer<typeof collectionStatusSchema>

/** An answer just collected: what the app shows live, and whether it calls for a manager now. */
export const collectionAnswerEventSchema = z.object({
  surveyId: z.number(),
  surveyName: z.string(),
  responseId: z.number(),
  score: z.number(),
  metric: z.enum(metricKinds),
  location: z.string().nullable(),
  /** The score is in the question's poor band (a detractor for NPS): talk to the customer before they leave. */
  alert: z.boolean(),
  /** The respondent left contact details and agreed to be contacted. */
  contactable: z.boolean(),
})
export type CollectionAnswerEvent = z.infer<typeof collectionAnswerEventSchema>

export const qrSchema = z.object({ url: z.string(), size: z.number(), /** size rows of '0'/'1'. */ modules: z.array(z.string()) })

/** A printed QR poster (one A4 page per link) or table cards (A6: 4 to an A4 sheet; A7: 8). */
export const posterLayouts = ['poster', 'cards-a6', 'cards-a7'] as const
export type PosterLayout = (typeof posterLayouts)[number]

/** What the print page lays out for a poster: the survey's look, and per open QR link its address and code. */
export const posterDataSchema = z.object({
  layout: z.enum(posterLayouts),
  language: z.enum(locales),
  surveyName: z.string(),
  shopName: z.string(),
  colour: z.string(),
  metric: z.enum(metricKinds),
  /** A data URL, or null. */
  logo: z.string().nullable(),
  links: z.array(z.object({ url: z.string(), location: z.string().nullable(), modules: z.array(z.string()) })),
})
export type PosterData = z.infer<typeof posterDataSchema>

export const posterResultSchema = z
  .object({ path: z.string().nullable(), downloadId: z.string().nullable(), fileName: z.string(), pages: z.number().nullable(), bytes: z.number() })
  .nullable()

export const collectionChannels = {
  'collection.surveys': defineChannel(z.strictObject({}), z.object({ surveys: z.array(surveySchema) })),
  'collection.saveSurvey': defineChannel(surveyInputSchema, surveySchema),
  'collection.setLogo': defineChannel(z.strictObject({ surveyId: id, logo: logoSchema.nullable() }), surveySchema),
  /** A new unguessable link for the survey, for a QR code or a kiosk, optionally for one location. */
  'collection.addLink': defineChannel(z.strictObject({ surveyId: id, kind: z.enum(linkKinds), location: optionalPlace.optional() }), surveySchema),
  /** Revokes a link (its page and answers answer 404 from then on); `revoked: false` undoes it. */
  'collection.revokeLink': defineChannel(z.strictObject({ linkId: id, revoked: z.boolean() }), surveySchema),
  /** The machine's network addresses to listen on (IPv4; loopback included for trying it out). */
  'collection.interfaces': defineChannel(z.strictObject({}), z.object({ interfaces: z.array(networkInterfaceSchema) })),
  'collection.status': defineChannel(z.strictObject({}), collectionStatusSchema),
  /** Starts the collection server on one of the machine's addresses (`port: 0` picks a free one). */
  'collection.start': defineChannel(z.strictObject({ host: z.string().max(64), port: z.number().int().min(0).max(65_535) }), collectionStatusSchema),
  'collection.stop': defineChannel(z.strictObject({}), collectionStatusSchema),
  /** The QR code of a link at the running server's address. */
  'collection.qr': defineChannel(z.strictObject({ linkId: id }), qrSchema),
  /**
   * The survey's QR poster or table cards as a PDF, one per open QR link (one per location), in one
   * language. The codes hold the running server's address, or `address` (the command line: where
   * `cxdesk collect` will listen). Written to `fileId` (the CLI), a save dialog (desktop), or offered
   * for download (browser); null when the user cancels the dialog.
   */
  'collection.poster': defineChannel(
    z.strictObject({
      surveyId: id,
      layout: z.enum(posterLayouts),
      language: z.enum(locales),
      address: z.strictObject({ host: z.string().regex(/^[A-Za-z0-9.:-]{1,64}$/, 'expected an address such as 192.168.1.20'), port: z.number().int().min(1).max(65_535) }).optional(),
      fileId: opaqueId.optional(),
    }),
    posterResultSchema,
  ),
  /** The print page's read of a poster waiting to be printed. */
  'collection.posterJob': defineChannel(z.strictObject({ job: opaqueId }), posterDataSchema),
}
