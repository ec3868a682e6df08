import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { channelLabelsState, setChannelLabel } from '../workspace/channelLabels'
import { metricsOf } from './scope'

const codesInData = (ctx: AppContext) => metricsOf(ctx).facets().values.channel!.map((f) => f.value)

export const labelsHandlers = {
  'labels.channels': (_req, ctx) => channelLabelsState(ctx.session.require().db, codesInData(ctx)),
  'labels.setChannel': (req, ctx) => setChannelLabel(ctx.session.require().db, codesInData(ctx), req),
} satisfies Pick<Handlers<AppContext>, 'labels.channels' | 'labels.setChannel'>
