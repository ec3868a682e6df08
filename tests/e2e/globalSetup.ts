import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

/** Build the renderer once before any test starts a host (the launcher would, but tests start many). */
export default function globalSetup(): void {
  execFileSync(process.execPath, ['--input-type=module', '-e', "import { ensureBuilt } from './src-main/launcher/build.mjs'; ensureBuilt()"], {
    cwd: join(__dirname, '..', '..'),
    stdio: 'inherit',
  })
}
