import { z } from 'zod'
import { defineChannel } from './define'
import { fileId } from './files'
import { opaqueId, shortText } from './limits'

export const workspaceInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  timezone: z.string(),
  createdAt: z.number(),
  schemaVersion: z.number().int(),
  responseCount: z.number().int(),
  isDemo: z.boolean(),
})
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>

export const recentWorkspaceSchema = z.object({
  /** What workspace.open takes: the main process listed this file itself. */
  id: opaqueId,
  path: z.string(),
  name: z.string(),
  lastOpenedAt: z.number(),
  exists: z.boolean(),
})
export type RecentWorkspace = z.infer<typeof recentWorkspaceSchema>

const timezoneName = z.string().min(1).max(64).regex(/^[A-Za-z0-9_+\-/]+$/, 'expected an IANA time zone such as Asia/Bangkok')

export const workspaceChannels = {
  'workspace.current': defineChannel(z.strictObject({}), workspaceInfoSchema.nullable()),
  'workspace.list': defineChannel(
    z.strictObject({}),
    z.object({ recent: z.array(recentWorkspaceSchema), inFolder: z.array(recentWorkspaceSchema) }),
  ),
  /**
   * Web: a name, created in the workspaces folder. Desktop: without a name, a save dialog asks.
   * CLI and tests: `fileId`, a destination they registered. Null when the user cancels.
   * `demo`: filled with the demo's data (the café's customers, answers and journey maps) to try everything on.
   */
  'workspace.create': defineChannel(
    z.strictObject({ name: shortText.min(1).optional(), timezone: timezoneName.optional(), fileId: fileId.optional(), demo: z.boolean().optional() }),
    workspaceInfoSchema.nullable(),
  ),
  /** `fileId`: a workspace from workspace.list (or registered by the CLI or a test); without it the desktop asks with a dialog. */
  'workspace.open': defineChannel(z.strictObject({ fileId: fileId.optional() }), workspaceInfoSchema.nullable()),
  'workspace.openDemo': defineChannel(z.strictObject({}), workspaceInfoSchema),
  /** Desktop: a save dialog asks (null: cancelled); CLI and tests: a registered destination. The browser downloads GET /api/workspace/copy instead. */
  'workspace.saveCopy': defineChannel(z.strictObject({ fileId: fileId.optional() }), z.object({ path: z.string() }).nullable()),
  'workspace.close': defineChannel(z.strictObject({}), z.null()),
  'workspace.setTimezone': defineChannel(z.strictObject({ timezone: timezoneName }), workspaceInfoSchema),
}
