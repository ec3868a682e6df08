import type { Messages } from './en'
import { coreVi } from './core/vi'
import { inboxVi } from './inbox/vi'
import { importVi } from './import/vi'

export const vi: Messages = {
  ...coreVi,
  ...inboxVi,
  ...importVi,
}
