import { z } from 'zod'
import { defineChannel } from './define'

/** A file the user chose (desktop dialog) or uploaded (browser). Handlers see ids, never raw paths from the renderer. */
export const fileRefSchema = z.object({ id: z.string(), name: z.string(), size: z.number().int().nonnegative() })
export type FileRef = z.infer<typeof fileRefSchema>

export const filePurposes = ['import'] as const

export const filesChannels = {
  /** Desktop only: shows the native open dialog. The browser uploads through the host instead. */
  'files.pick': defineChannel(z.strictObject({ purpose: z.enum(filePurposes) }), fileRefSchema.nullable()),
}
