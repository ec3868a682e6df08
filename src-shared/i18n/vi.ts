import type { Messages } from './en'
import { coreVi } from './core/vi'
import { openingVi } from './opening/vi'
import { metricsVi } from './metrics/vi'
import { reportsVi } from './reports/vi'
import { exportVi } from './export/vi'
import { collectionVi } from './collection/vi'
import { feedbackVi } from './feedback/vi'
import { importVi } from './import/vi'
import { journeysVi } from './journeys/vi'
import { desktopVi } from './desktop/vi'
import { customersVi } from './customers/vi'
import { subjectVi } from './subject/vi'
import { privacyVi } from './privacy/vi'
import { followUpsVi } from './followUps/vi'

export const vi: Messages = {
  ...coreVi,
  ...openingVi,
  ...metricsVi,
  ...reportsVi,
  ...exportVi,
  ...collectionVi,
  ...feedbackVi,
  ...importVi,
  ...journeysVi,
  ...desktopVi,
  ...customersVi,
  ...subjectVi,
  ...privacyVi,
  ...followUpsVi,
}
