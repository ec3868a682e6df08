import { z } from 'zod'
import { defineChannel } from './define'
import { opaqueId } from './limits'

/**
 * How a request names a file: an opaque id the main process handed out for a file the user chose
 * (dialog, upload, command-line argument) or that it listed itself. No request carries a path, so
 * neither the page nor a script holding the web token can name a file the user did not pick.
 */
export const fileId = opaqueId

/** A file the user chose (desktop dialog) or uploaded (browser). Handlers see ids, never raw paths from the renderer. */
export const fileRefSchema = z.object({ id: z.string(), name: z.string(), size: z.number().int().nonnegative() })
export type FileRef = z.infer<typeof fileRefSchema>

export const filePurposes = ['import'] as const

export const filesChannels = {
  /** Desktop only: shows the native open dialog. The browser uploads through the host instead. */
  'files.pick': defineChannel(z.strictObject({ purpose: z.enum(filePurposes) }), fileRefSchema.nullable()),
}
