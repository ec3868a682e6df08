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

  it('keeps src-shared free of Node', async () => {
    expect(await problems('src-shared/domain/x.ts', "import { join } from 'node:path'\nexport const a = join\n")).toContain('no-restricted-imports')
  })
})
