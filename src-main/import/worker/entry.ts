import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Where one of the import's threads is: beside the bundle (out/main/<name>.js) in the desktop app, or
 * the TypeScript source through its tsx bootstrap (<name>.bootstrap.cjs, in this folder) when the
 * code itself runs from source. In the bundle this code may sit in a shared chunk (out/main/chunks),
 * so the folder above is looked at too.
 */
export function workerEntry(name: 'importWorker' | 'readerWorker'): string {
  if (!__filename.endsWith('.ts')) {
    const bundled = [join(__dirname, `${name}.js`), join(__dirname, '..', `${name}.js`)].find((p) => existsSync(p))
    if (bundled) return bundled
  }
  return join(__dirname, `${name}.bootstrap.cjs`)
}
