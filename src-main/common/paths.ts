import { homedir } from 'node:os'
import { join } from 'node:path'
import { existsSync } from 'node:fs'

export interface AppPaths {
  /** Preferences, uploads, the demo workspace. */
  dataDir: string
  /** Where new workspaces go when no save dialog is available. */
  workspacesDir: string
  /** Temporary uploads from the browser; cleared on start. */
  uploadsDir: string
}

/**
 * One place for app data, shared by the desktop app, the browser host and the CLI, so a workspace
 * created in one appears in the others' recent list. CXDESK_HOME moves everything (tests use it).
 */
export function resolvePaths(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): AppPaths {
  const override = env.CXDESK_HOME
  let dataDir: string
  if (override) dataDir = override
  else if (platform === 'win32') dataDir = join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'CX Desk')
  else if (platform === 'darwin') dataDir = join(home, 'Library', 'Application Support', 'CX Desk')
  else dataDir = join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'cx-desk')
  const documents = join(home, 'Documents')
  const workspacesDir = override ? join(override, 'workspaces') : existsSync(documents) ? join(documents, 'CX Desk') : join(dataDir, 'workspaces')
  return { dataDir, workspacesDir, uploadsDir: join(dataDir, 'uploads') }
}
