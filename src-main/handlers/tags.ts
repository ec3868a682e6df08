import type { Handlers } from '../../src-shared/api/contract'
import type { AppContext } from '../app/context'
import { assignTag, deleteRule, listRules, listTags, saveRule, suggest } from '../feedback/tagsService'
import { deleteView, listViews, saveView } from '../feedback/viewsService'
import { lexiconOf, saveLexicon } from '../feedback/sentimentService'
import { actorOf } from './scope'

export const tagsHandlers = {
  'tags.list': ({ filter }, ctx) => listTags(ctx.session.require(), filter),
  'tags.assign': ({ ids, tag, remove }, ctx) => assignTag(ctx.session.require(), ids, tag, remove, actorOf(ctx), ctx.clock.now()),
  'tags.rules': (_req, ctx) => listRules(ctx.session.require()),
  'tags.saveRule': (req, ctx) => saveRule(ctx.session.require(), req, ctx.clock.now()),
  'tags.deleteRule': ({ id }, ctx) => deleteRule(ctx.session.require(), id, ctx.clock.now()),
  'tags.suggest': ({ filter, limit }, ctx) => suggest(ctx.session.require(), filter, limit),
  'views.list': (_req, ctx) => listViews(ctx.session.require()),
  'views.save': (req, ctx) => saveView(ctx.session.require(), req, ctx.clock.now()),
  'views.delete': ({ id }, ctx) => deleteView(ctx.session.require(), id),
  'sentiment.lexicon': ({ language }, ctx) => lexiconOf(ctx.session.require(), language),
  'sentiment.saveLexicon': ({ language, entries }, ctx) => saveLexicon(ctx.session.require(), language, entries),
} satisfies Pick<
  Handlers<AppContext>,
  'tags.list' | 'tags.assign' | 'tags.rules' | 'tags.saveRule' | 'tags.deleteRule' | 'tags.suggest' | 'views.list' | 'views.save' | 'views.delete' | 'sentiment.lexicon' | 'sentiment.saveLexicon'
>
