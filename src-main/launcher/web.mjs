// `npm run web`: build if needed, then serve the app to a browser on 127.0.0.1.
// Prints exactly one line on stdout: CX Desk listening on http://127.0.0.1:<port>/?token=<token>
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ensureBuilt, root } from './build.mjs'

ensureBuilt()
const require = createRequire(import.meta.url)
require('tsx/cjs/api').require(join(root, 'src-main', 'host', 'main.ts'), import.meta.filename)
