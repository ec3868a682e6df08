import type { z } from 'zod'
import { appChannels } from './app'
import { workspaceChannels } from './workspace'
import { workspaceOpeningChannels } from './workspaceOpening'
import { filesChannels } from './files'
import { feedbackChannels } from './feedback'
import { importChannels } from './imports'
import { metricsChannels } from './metrics'
import { journeysChannels } from './journeys'
import { sentimentChannels, tagsChannels, viewsChannels } from './tags'
import { reportsChannels } from './reports'
import { labelsChannels } from './labels'
import { exportChannels } from './exports'
import { customersChannels } from './customers'
import { collectionChannels } from './collection'
import { subjectChannels } from './subject'
import { privacyChannels } from './privacy'
import { followUpChannels } from './followUps'
import { customerContactsChannels } from './customerContacts'
import { sendListChannels } from './sendLists'
import type { Result } from './result'

/** The whole IPC contract: channel name → request and response schema. Nothing else crosses the boundary. */
export const contract = {
  ...appChannels,
  ...workspaceChannels,
  ...workspaceOpeningChannels,
  ...filesChannels,
  ...feedbackChannels,
  ...importChannels,
  ...metricsChannels,
  ...journeysChannels,
  ...tagsChannels,
  ...viewsChannels,
  ...sentimentChannels,
  ...reportsChannels,
  ...labelsChannels,
  ...exportChannels,
  ...customersChannels,
  ...collectionChannels,
  ...subjectChannels,
  ...privacyChannels,
  ...followUpChannels,
  ...customerContactsChannels,
  ...sendListChannels,
}

export type Contract = typeof contract
export type Channel = keyof Contract
/** What a caller sends (defaults may be omitted). */
export type Req<C extends Channel> = z.input<Contract[C]['request']>
/** What a handler receives after validation (defaults filled in). */
export type ParsedReq<C extends Channel> = z.output<Contract[C]['request']>
export type Res<C extends Channel> = z.output<Contract[C]['response']>

export type Handler<C extends Channel, Ctx> = (req: ParsedReq<C>, ctx: Ctx) => Promise<Res<C>> | Res<C>
export type Handlers<Ctx> = { [C in Channel]: Handler<C, Ctx> }

export interface ApiClient {
  call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>>
}
export type RawInvoke = (channel: string, payload: unknown) => Promise<Result<unknown>>

export const channelNames = Object.keys(contract) as Channel[]
export const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(contract, name)
