import { z } from 'zod'
import { defineChannel } from './define'
import { filePath, shortText } from './limits'

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
  /** With a path (CLI, tests) or a name (web: created in the workspaces folder); with neither, the desktop asks with a dialog. Null when the user cancels. */
  'workspace.create': defineChannel(
    z.strictObject({ path: filePath.optional(), name: shortText.min(1).optional(), timezone: timezoneName.optional() }),
    workspaceInfoSchema.nullable(),
  ),
  'workspace.open': defineChannel(z.strictObject({ path: filePath.optional() }), workspaceInfoSchema.nullable()),
  'workspace.openDemo': defineChannel(z.strictObject({}), workspaceInfoSchema),
  'workspace.saveCopy': defineChannel(z.strictObject({ path: filePath.optional() }), z.object({ path: z.string() }).nullable()),
  'workspace.close': defineChannel(z.strictObject({}), z.null()),
  'workspace.setTimezone': defineChannel(z.strictObject({ timezone: timezoneName }), workspaceInfoSchema),
}
