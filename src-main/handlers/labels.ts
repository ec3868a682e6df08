import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { facets } from '../metrics/facets'
import { channelLabelsState, setChannelLabel } from '../services/channelLabels'
import { metricsSource } from './metrics'

const codesInData = (ctx: AppContext) => facets(metricsSource(ctx).sqlite).channel!.map((f) => f.value)

export const labelsHandlers = {
  'labels.channels': (_req, ctx) => channelLabelsState(ctx.session.require().db, codesInData(ctx)),
  'labels.setChannel': (req, ctx) => setChannelLabel(ctx.session.require().db, codesInData(ctx), req),
} satisfies Pick<Handlers<AppContext>, 'labels.channels' | 'labels.setChannel'>
