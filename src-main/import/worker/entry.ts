import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Where one of the import's threads is: beside the bundle (out/main/<name>.js) in the desktop app, or
 * the TypeScript source through its tsx bootstrap (<name>.bootstrap.cjs, in this folder) when the
 * code itself runs from source.
 */
export function workerEntry(name: 'importWorker' | 'readerWorker'): string {
  const bundled = join(__dirname, `${name}.js`)
  if (!__filename.endsWith('.ts') && existsSync(bundled)) return bundled
  return join(__dirname, `${name}.bootstrap.cjs`)
}
