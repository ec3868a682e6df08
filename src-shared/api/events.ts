import { z } from 'zod'
import { workspaceInfoSchema } from './workspace'
import { importProgressSchema } from './imports'

/** Push events from main to the renderer (Electron webContents.send, or the host's event stream). */
export const eventSchemas = {
  'workspace.changed': workspaceInfoSchema.nullable(),
  'import.progress': importProgressSchema,
  /** A menu item the renderer carries out, because it needs the renderer's own UI (progress, results). */
  'app.command': z.object({ command: z.enum(['import']) }),
}
export type EventName = keyof typeof eventSchemas
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName]
