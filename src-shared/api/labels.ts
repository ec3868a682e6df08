import { z } from 'zod'
import { defineChannel } from './define'
import { channelCode, channelLabelText, channelLabelsSchema } from '../domain/channelLabels'
import { locales } from '../domain/locales'

/** The channels a settings page lists: every code in the workspace's responses or given a label, and the labels given. */
export const channelLabelsStateSchema = z.object({ codes: z.array(z.string()), custom: channelLabelsSchema })
export type ChannelLabelsState = z.infer<typeof channelLabelsStateSchema>

export const labelsChannels = {
  'labels.channels': defineChannel(z.strictObject({}), channelLabelsStateSchema),
  /** A label for one code in one language; `label: null` goes back to the built-in label (or the code). */
  'labels.setChannel': defineChannel(z.strictObject({ locale: z.enum(locales), code: channelCode, label: channelLabelText.nullable() }), channelLabelsStateSchema),
}
