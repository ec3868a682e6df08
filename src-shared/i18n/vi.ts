import type { Messages } from './en'
import { coreVi } from './core/vi'
import { metricsVi } from './metrics/vi'
import { inboxVi } from './inbox/vi'
import { importVi } from './import/vi'
import { journeysVi } from './journeys/vi'

export const vi: Messages = {
  ...coreVi,
  ...metricsVi,
  ...inboxVi,
  ...importVi,
  ...journeysVi,
}
