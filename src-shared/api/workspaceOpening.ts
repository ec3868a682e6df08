import { z } from 'zod'
import { defineChannel } from './define'

/**
 * The open-time work on a workspace file, in order: SQLite's check of the file, a backup before
 * migrations, the migrations, then what is derived from comments (search index, sentiment). A new
 * workspace is built in one stage ('creating': the schema and, for the demo, its data).
 */
export const openingStages = ['checking', 'backingUp', 'migrating', 'updating', 'creating'] as const
export type OpeningStage = (typeof openingStages)[number]

export const openingProgressSchema = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  kind: z.enum(['open', 'create']),
  /** The workspace's name as its file says it (the name inside is read once it is open). */
  name: z.string(),
  stage: z.enum(openingStages),
  /** How far the stage is; total 0 when it cannot be known (SQLite's check runs as one statement). */
  done: z.number(),
  total: z.number(),
  /** The migration being applied, while migrating. */
  migration: z.string().optional(),
  /** Why it failed, or what a cancel left (e.g. migrations already applied stay). */
  message: z.string().optional(),
})
export type OpeningProgress = z.infer<typeof openingProgressSchema>

export const workspaceOpeningChannels = {
  /** The opening under way, if any (a window that loads meanwhile catches up; later steps arrive as workspace.opening events). */
  'workspace.opening': defineChannel(z.strictObject({}), openingProgressSchema.nullable()),
  /** Stops the opening under way; the open request then fails with CANCELLED and the file is as its message says. */
  'workspace.cancelOpening': defineChannel(z.strictObject({}), z.object({ cancelled: z.boolean() })),
}
