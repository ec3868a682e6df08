import type { Messages } from './en'
import { coreTh } from './core/th'
import { metricsTh } from './metrics/th'

export const th: Messages = {
  ...coreTh,
  ...metricsTh,
}
