import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { join } from 'node:path'

const eslint = new ESLint({ cwd: join(__dirname, '../../..') })
const problems = async (file: string, code: string) =>
  (await eslint.lintText(code, { filePath: join(__dirname, '../../..', file) }))[0].messages.map((m) => m.ruleId)

describe('layer rules in lint', () => {
  it('forbids Electron outside src-main/electron and the preload', async () => {
    expect(await problems('src-main/services/x.ts', "import { app } from 'electron'\nexport const a = app\n")).toContain('no-restricted-imports')
    expect(await problems('src-shared/api/x.ts', "import { app } from 'electron'\nexport const a = app\n")).toContain('no-restricted-imports')
    expect(await problems('src-main/electron/x.ts', "import { app } from 'electron'\nexport const a = app\n")).not.toContain('no-restricted-imports')
    expect(await problems('src-main/preload/x.ts', "import { app } from 'electron'\nexport const a = app\n")).not.toContain('no-restricted-imports')
  })

  it('keeps the renderer away from Node and the main process', async () => {
    expect(await problems('src-renderer/src/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync\n")).toContain('no-restricted-imports')
    expect(await problems('src-renderer/src/x.ts', "import { handlers } from '../../src-main/handlers/index'\nexport const a = handlers\n")).toContain('no-restricted-imports')
  })

  it('keeps the renderer features from importing app/', async () => {
    const page = "import type { PageProps } from '../../app/pages'\nexport type P = PageProps\n"
    const nav = "import { navigate } from '../../../app/router'\nexport const a = navigate\n"
    expect(await problems('src-renderer/src/features/scores/x.ts', page)).toContain('no-restricted-imports')
    expect(await problems('src-renderer/src/features/journey-map/editor/x.ts', nav)).toContain('no-restricted-imports')
    // What they need from the shell lives under them, in platform/.
    expect(await problems('src-renderer/src/features/scores/x.ts', "import type { PageProps } from '../../platform/pageProps'\nexport type P = PageProps\n")).not.toContain('no-restricted-imports')
    expect(await problems('src-renderer/src/features/journey-map/editor/x.ts', "import { navigate } from '../../../platform/router'\nexport const a = navigate\n")).not.toContain('no-restricted-imports')
    // app/ itself may import features, and the renderer's own limits still hold inside features.
    expect(await problems('src-renderer/src/app/x.ts', "import { InboxPage } from '../features/inbox/InboxPage'\nexport const a = InboxPage\n")).not.toContain('no-restricted-imports')
    expect(await problems('src-renderer/src/features/inbox/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync\n")).toContain('no-restricted-imports')
    expect(await problems('src-renderer/src/features/inbox/x.ts', "import { handlers } from '../../../../src-main/handlers/index'\nexport const a = handlers\n")).toContain('no-restricted-imports')
  })

  it('keeps the layers under the features from importing them or app/', async () => {
    const feature = "import { InboxPage } from '../features/inbox/InboxPage'\nexport const a = InboxPage\n"
    for (const layer of ['api', 'components', 'i18n', 'platform'])
      expect(await problems(`src-renderer/src/${layer}/x.ts`, feature), layer).toContain('no-restricted-imports')
    expect(await problems('src-renderer/src/api/x.ts', "import { saveBlob } from '../app/saveFile'\nexport const a = saveBlob\n")).toContain('no-restricted-imports')
    expect(await problems('src-renderer/src/components/x.ts', "import { hrefFor } from '../platform/router'\nexport const a = hrefFor\n")).not.toContain('no-restricted-imports')
  })

  it('keeps src-shared free of Node', async () => {
    expect(await problems('src-shared/domain/x.ts', "import { join } from 'node:path'\nexport const a = join\n")).toContain('no-restricted-imports')
  })
})
