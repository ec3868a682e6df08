import type { Messages } from './en'
import { coreTh } from './core/th'
import { openingTh } from './opening/th'
import { metricsTh } from './metrics/th'
import { reportsTh } from './reports/th'
import { exportTh } from './export/th'
import { collectionTh } from './collection/th'
import { feedbackTh } from './feedback/th'
import { importTh } from './import/th'
import { journeysTh } from './journeys/th'
import { desktopTh } from './desktop/th'
import { customersTh } from './customers/th'
import { subjectTh } from './subject/th'
import { privacyTh } from './privacy/th'
import { followUpsTh } from './followUps/th'

export const th: Messages = {
  ...coreTh,
  ...openingTh,
  ...metricsTh,
  ...reportsTh,
  ...exportTh,
  ...collectionTh,
  ...feedbackTh,
  ...importTh,
  ...journeysTh,
  ...desktopTh,
  ...customersTh,
  ...subjectTh,
  ...privacyTh,
  ...followUpsTh,
}
