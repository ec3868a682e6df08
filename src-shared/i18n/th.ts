import type { Messages } from './en'
import { coreTh } from './core/th'
import { openingTh } from './opening/th'
import { metricsTh } from './metrics/th'
import { reportsTh } from './reports/th'
import { inboxTh } from './inbox/th'
import { importTh } from './import/th'
import { journeysTh } from './journeys/th'
import { desktopTh } from './desktop/th'

export const th: Messages = {
  ...coreTh,
  ...openingTh,
  ...metricsTh,
  ...reportsTh,
  ...inboxTh,
  ...importTh,
  ...journeysTh,
  ...desktopTh,
}
