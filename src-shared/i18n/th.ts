import type { Messages } from './en'
import { coreTh } from './core/th'
import { journeysTh } from './journeys/th'

export const th: Messages = {
  ...coreTh,
  ...journeysTh,
}
