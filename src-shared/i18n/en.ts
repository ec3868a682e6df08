import { coreEn } from './core/en'
import { openingEn } from './opening/en'
import { journeysEn } from './journeys/en'
import { feedbackEn } from './feedback/en'
import { importEn } from './import/en'
import { metricsEn } from './metrics/en'
import { reportsEn } from './reports/en'
import { exportEn } from './export/en'
import { collectionEn } from './collection/en'
import { desktopEn } from './desktop/en'
import { customersEn } from './customers/en'
import { subjectEn } from './subject/en'
import { privacyEn } from './privacy/en'
import { followUpsEn } from './followUps/en'

/**
 * The English catalogue defines every key; vi.ts and th.ts must have exactly the same keys (a type
 * error otherwise). Each feature keeps its messages in its own folder (core/, …) with one file per
 * language. Placeholders look like {name}; plural forms use the _one / _other suffix.
 */
export const en = {
  ...coreEn,
  ...openingEn,
  ...journeysEn,
  ...feedbackEn,
  ...importEn,
  ...metricsEn,
  ...reportsEn,
  ...exportEn,
  ...collectionEn,
  ...desktopEn,
  ...customersEn,
  ...subjectEn,
  ...privacyEn,
  ...followUpsEn,
}

export type MessageKey = keyof typeof en
export type Messages = Record<MessageKey, string>
