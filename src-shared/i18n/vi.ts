import type { Messages } from './en'
import { coreVi } from './core/vi'
import { metricsVi } from './metrics/vi'

export const vi: Messages = {
  ...coreVi,
  ...metricsVi,
}
