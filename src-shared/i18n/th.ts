import type { Messages } from './en'
import { coreTh } from './core/th'

export const th: Messages = {
  ...coreTh,
}
