import type { Messages } from './en'
import { coreVi } from './core/vi'
import { journeysVi } from './journeys/vi'

export const vi: Messages = {
  ...coreVi,
  ...journeysVi,
}
