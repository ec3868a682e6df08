import { z } from 'zod'
import { defineChannel } from './define'
import { id, mediumText, shortText } from './limits'
import { feedbackFilterSchema } from './filters'

export const tagSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  color: z.string().nullable(),
  /** Responses with this tag among those the filter selects. */
  count: z.number().int(),
})
export type Tag = z.infer<typeof tagSchema>

export const tagRuleSchema = z.object({
  id: z.number().int(),
  tag: z.string(),
  language: z.string().nullable(),
  keywords: z.array(z.string()),
})
export type TagRuleDto = z.infer<typeof tagRuleSchema>

export const themeSuggestionSchema = z.object({
  phrase: z.string(),
  count: z.number().int(),
  language: z.string().nullable(),
  example: z.string(),
})
export type ThemeSuggestion = z.infer<typeof themeSuggestionSchema>

const tagName = shortText.min(1).max(60)

export const tagsChannels = {
  /** Every tag with its count among the responses the filter selects (counts per theme). */
  'tags.list': defineChannel(z.strictObject({ filter: feedbackFilterSchema.optional() }), z.array(tagSchema)),
  /** Adds (or removes) a tag by hand on one or many responses; the tag is created when new. */
  'tags.assign': defineChannel(
    z.strictObject({ ids: z.array(id).min(1).max(10_000), tag: tagName, remove: z.boolean().default(false) }),
    z.object({ changed: z.number().int() }),
  ),
  'tags.rules': defineChannel(z.strictObject({}), z.array(tagRuleSchema)),
  /** Creates or changes a keyword rule, then re-applies every rule to every comment. */
  'tags.saveRule': defineChannel(
    z.strictObject({ id: id.optional(), tag: tagName, language: z.enum(['en', 'vi', 'th']).nullable(), keywords: z.array(shortText.min(1)).min(1).max(200) }),
    z.object({ rule: tagRuleSchema, tagged: z.number().int() }),
  ),
  'tags.deleteRule': defineChannel(z.strictObject({ id }), z.object({ tagged: z.number().int() })),
  /** Recurring words and phrases across comments that no tag rule covers yet: candidate themes. */
  'tags.suggest': defineChannel(z.strictObject({ filter: feedbackFilterSchema.optional(), limit: z.number().int().min(1).max(100).default(20) }), z.array(themeSuggestionSchema)),
}

export const savedViewSchema = z.object({ id: z.number().int(), name: z.string(), query: z.string() })
export type SavedView = z.infer<typeof savedViewSchema>

export const viewsChannels = {
  'views.list': defineChannel(z.strictObject({}), z.array(savedViewSchema)),
  'views.save': defineChannel(z.strictObject({ id: id.optional(), name: shortText.min(1).max(80), query: mediumText }), savedViewSchema),
  'views.delete': defineChannel(z.strictObject({ id }), z.null()),
}

export const lexiconEntrySchema = z.object({ term: shortText.min(1), kind: z.enum(['word', 'negator', 'intensifier']), weight: z.number().min(-5).max(5) })
export type LexiconEntryDto = z.infer<typeof lexiconEntrySchema>

export const sentimentChannels = {
  'sentiment.lexicon': defineChannel(z.strictObject({ language: z.enum(['en', 'vi', 'th']) }), z.array(lexiconEntrySchema)),
  /** Replaces one language's lexicon and re-scores every comment. */
  'sentiment.saveLexicon': defineChannel(
    z.strictObject({ language: z.enum(['en', 'vi', 'th']), entries: z.array(z.strictObject(lexiconEntrySchema.shape)).max(5_000) }),
    z.object({ rescored: z.number().int() }),
  ),
}
