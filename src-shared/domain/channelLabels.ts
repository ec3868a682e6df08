import { z } from 'zod'
import { channelKinds, type ChannelKind } from './journeys/model'
import { locales, type Locale } from './locales'
import { translator } from '../i18n/translate'

/**
 * Channel codes as files and the journey editor write them (store, app, social …) and the words
 * people read for them. Every place that shows a channel resolves it here, so a label edited in
 * settings is the one the charts, the inbox and the PDFs use. Data (CLI JSON, exports, filters in
 * URLs) keeps the code.
 */

export const CHANNEL_LABEL_MAX = 60
export const channelCode = z.string().trim().min(1, 'A channel code cannot be empty.').max(100, 'A channel code is at most 100 characters.')
export const channelLabelText = z
  .string()
  .trim()
  .min(1, 'A label cannot be empty: type a name for the channel, or reset it to the default.')
  .max(CHANNEL_LABEL_MAX, `A label is at most ${CHANNEL_LABEL_MAX} characters.`)

/** The labels a workspace gave its channels, per language: code → label. */
export const channelLabelsSchema = z.object(Object.fromEntries(locales.map((l) => [l, z.record(z.string(), z.string())])) as Record<Locale, z.ZodRecord<z.ZodString, z.ZodString>>)
export type ChannelLabels = z.infer<typeof channelLabelsSchema>
export const noChannelLabels = (): ChannelLabels => ({ en: {}, vi: {}, th: {} })

const known = new Set<string>(channelKinds)
const translators = new Map<Locale, ReturnType<typeof translator>>()

/** The built-in label of a code CX Desk knows (any letter case), or null for a code only the data knows. */
export function defaultChannelLabel(code: string, locale: Locale): string | null {
  const kind = code.trim().toLowerCase()
  if (!known.has(kind)) return null
  let t = translators.get(locale)
  if (!t) translators.set(locale, (t = translator(locale)))
  return t(`journey.channel.${kind as ChannelKind}`)
}

/** What people read for a channel code: the workspace's own label, else the built-in one, else the code itself. */
export function channelLabel(code: string, locale: Locale, custom?: ChannelLabels | null): string {
  return custom?.[locale][code] ?? defaultChannelLabel(code, locale) ?? code
}
