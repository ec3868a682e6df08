import type { Messages } from './en'
import { coreVi } from './core/vi'

export const vi: Messages = {
  ...coreVi,
}
