import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** A renderer folder holding a kiosk page as the build writes it (relative asset names), plus a file of the app that must never be served. */
export function fakeRendererDir(dir: string): string {
  const root = join(dir, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(
    join(root, 'kiosk.html'),
    '<!doctype html><html><head><script type="module" crossorigin src="./assets/kiosk-abc.js"></script><link rel="stylesheet" href="./assets/kiosk-abc.css"></head><body><main id="kiosk"></main></body></html>',
  )
  writeFileSync(join(root, 'assets', 'kiosk-abc.js'), 'console.log("kiosk")')
  writeFileSync(join(root, 'assets', 'kiosk-abc.css'), 'body{}')
  writeFileSync(join(root, 'assets', 'index-app.js'), 'the app itself')
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>CX Desk</title>')
  return root
}
