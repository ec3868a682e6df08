import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { appHandlers } from './app'
import { workspaceHandlers } from './workspace'
import { workspaceOpeningHandlers } from './workspaceOpening'
import { filesHandlers } from './files'
import { feedbackHandlers } from './feedback'
import { importHandlers } from './imports'
import { metricsHandlers } from './metrics'
import { journeysHandlers } from './journeys'
import { tagsHandlers } from './tags'
import { reportsHandlers } from './reports'
import { labelsHandlers } from './labels'
import { exportHandlers } from './export'
import { customersHandlers } from './customers'
import { collectionHandlers } from './collection'
import { privacyHandlers } from './privacy'
import { followUpHandlers } from './followUps'
import { customerContactsHandlers } from './customerContacts'
import { sendListHandlers } from './sendLists'

/** Every channel of the contract has exactly one handler; a missing one is a type error here. */
export const handlers: Handlers<AppContext> = {
  ...appHandlers,
  ...workspaceHandlers,
  ...workspaceOpeningHandlers,
  ...filesHandlers,
  ...feedbackHandlers,
  ...importHandlers,
  ...metricsHandlers,
  ...journeysHandlers,
  ...tagsHandlers,
  ...reportsHandlers,
  ...labelsHandlers,
  ...exportHandlers,
  ...customersHandlers,
  ...collectionHandlers,
  ...privacyHandlers,
  ...followUpHandlers,
  ...customerContactsHandlers,
  ...sendListHandlers,
}
