import type { Handlers } from '../../src-shared/api/contract'
import type { AppInfo } from '../../src-shared/api/app'
import type { AppContext } from '../app/context'

const appInfo = (ctx: AppContext): AppInfo => ({
  version: ctx.version,
  platform: ctx.platform.kind,
  locale: ctx.prefs?.get().locale ?? null,
  workspacesDir: ctx.paths.workspacesDir,
  nativeDialogs: Boolean(ctx.platform.dialogs),
  userName: ctx.prefs?.get().userName ?? null,
  inboxDensity: ctx.prefs?.get().inboxDensity ?? 'comfortable',
  hidePersonalData: ctx.prefs?.get().hidePersonalData ?? false,
})

export const appHandlers = {
  'app.info': (_req, ctx) => appInfo(ctx),
  'app.setLocale': ({ locale }, ctx) => {
    ctx.prefs?.update((p) => {
      p.locale = locale
    })
    return appInfo(ctx)
  },
  'app.setUserName': ({ name }, ctx) => {
    ctx.prefs?.update((p) => {
      p.userName = name
    })
    return appInfo(ctx)
  },
  'app.setInboxDensity': ({ density }, ctx) => {
    ctx.prefs?.update((p) => {
      p.inboxDensity = density
    })
    return appInfo(ctx)
  },
  'app.setHidePersonalData': ({ hide }, ctx) => {
    ctx.prefs?.update((p) => {
      p.hidePersonalData = hide
    })
    return appInfo(ctx)
  },
} satisfies Pick<Handlers<AppContext>, 'app.info' | 'app.setLocale' | 'app.setUserName' | 'app.setInboxDensity' | 'app.setHidePersonalData'>
