import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { locales } from '../../src-shared/domain/locales'
import { inboxDensities } from '../../src-shared/api/app'
import { writeFileAtomic } from './atomicWrite'

const MAX_RECENT = 12

const prefsSchema = z.object({
  locale: z.enum(locales).nullable().default(null),
  lastWorkspace: z.string().nullable().default(null),
  /** Recorded as the actor of status changes, assignments and notes. */
  userName: z.string().nullable().default(null),
  /** How tall the inbox's rows are: two lines of comment with their details, or one line. */
  inboxDensity: z.enum(inboxDensities).default('comfortable'),
  /** "Hide personal data" for screen sharing, remembered across launches. */
  hidePersonalData: z.boolean().default(false),
  recent: z.array(z.object({ path: z.string(), name: z.string(), lastOpenedAt: z.number() })).default([]),
})
export type Preferences = z.infer<typeof prefsSchema>

/** App-wide preferences (language, recent files) in one JSON file, written atomically. */
export class PreferencesStore {
  private prefs: Preferences
  readonly firstRun: boolean

  constructor(private readonly file: string) {
    this.firstRun = !existsSync(file)
    this.prefs = prefsSchema.parse({})
    if (!this.firstRun) {
      try {
        this.prefs = prefsSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
      } catch {
        // A damaged preferences file costs the recent list, never the app start.
      }
    }
  }

  static inDir(dataDir: string): PreferencesStore {
    return new PreferencesStore(join(dataDir, 'preferences.json'))
  }

  get(): Readonly<Preferences> {
    return this.prefs
  }

  update(change: (p: Preferences) => void): void {
    const next = structuredClone(this.prefs)
    change(next)
    next.recent = next.recent.slice(0, MAX_RECENT)
    mkdirSync(dirname(this.file), { recursive: true })
    writeFileAtomic(this.file, JSON.stringify(next, null, 2))
    this.prefs = next
  }

  rememberOpened(path: string, name: string, at: number): void {
    this.update((p) => {
      p.recent = [{ path, name, lastOpenedAt: at }, ...p.recent.filter((r) => r.path !== path)]
      p.lastWorkspace = path
    })
  }
}
