import { z } from 'zod'
import { defineChannel } from './define'
import { locales } from '../domain/locales'

export const inboxDensities = ['comfortable', 'compact'] as const

export const platformKinds = ['desktop', 'web', 'cli'] as const

export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.enum(platformKinds),
  /** The language the user chose; null until they choose (then the UI follows the system). */
  locale: z.enum(locales).nullable(),
  /** Where "New workspace" puts files when no native save dialog is available. */
  workspacesDir: z.string(),
  nativeDialogs: z.boolean(),
  /** The name recorded as who changed a status, assigned an owner or wrote a note (there are no accounts). */
  userName: z.string().nullable(),
  /** The inbox's row density, remembered across launches. */
  inboxDensity: z.enum(inboxDensities),
  /** "Hide personal data" (screen sharing): names, e-mails and phones masked in the inbox and on the Customers screen. */
  hidePersonalData: z.boolean(),
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const appChannels = {
  'app.info': defineChannel(z.strictObject({}), appInfoSchema),
  'app.setLocale': defineChannel(z.strictObject({ locale: z.enum(locales) }), appInfoSchema),
  'app.setUserName': defineChannel(z.strictObject({ name: z.string().trim().min(1).max(80) }), appInfoSchema),
  'app.setInboxDensity': defineChannel(z.strictObject({ density: z.enum(inboxDensities) }), appInfoSchema),
  'app.setHidePersonalData': defineChannel(z.strictObject({ hide: z.boolean() }), appInfoSchema),
}
