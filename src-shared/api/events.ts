import { z } from 'zod'
import { workspaceInfoSchema } from './workspace'
import { importProgressSchema } from './imports'
import { rollupProgressSchema } from './metrics'
import { exportProgressSchema } from './reports'
import { openingProgressSchema } from './workspaceOpening'
import { dataExportProgressSchema } from './exports'
import { collectionAnswerEventSchema, collectionStatusSchema } from './collection'
import { riskProgressSchema } from './customers'

/** Push events from main to the renderer (Electron webContents.send, or the host's event stream). */
export const eventSchemas = {
  'workspace.changed': workspaceInfoSchema.nullable(),
  /** A workspace being opened or created: its open-time work off the main thread, stage by stage, cancellable. */
  'workspace.opening': openingProgressSchema,
  'import.progress': importProgressSchema,
  /** Maintenance of the score summaries (a fold after a large import, a rebuild after a definition or time zone change). */
  'metrics.rollups': rollupProgressSchema,
  /** A PDF report being made: gathering figures, laying out, printing, saving. */
  'reports.progress': exportProgressSchema,
  /** A data export (CSV, XLSX) being written: rows done of the total, cancellable. */
  'export.progress': dataExportProgressSchema,
  /** A menu item the renderer carries out, because it needs the renderer's own UI (progress, results). */
  /** An answer collected by the shop's survey server (in this process): shown live, an alert for a poor score. */
  'collection.answer': collectionAnswerEventSchema,
  /** The collection server started or stopped. */
  'collection.status': collectionStatusSchema,
  /** The customers' risk pass (every response, the model's fit) in a worker thread: share done, cancellable (customers.cancelRisk). */
  'customers.risk': riskProgressSchema,
  'app.command': z.object({ command: z.enum(['import']) }),
  /** Another process (`cxdesk collect`, `cxdesk import`) or a worker wrote the open workspace: refetch what is shown. */
  'workspace.written': z.object({}),
}
export type EventName = keyof typeof eventSchemas
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>
export type AppEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName]
