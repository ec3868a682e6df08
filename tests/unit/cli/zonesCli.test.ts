import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cxdeskRun } from '../../helpers/cliInProcess'

let dir: string

/** The CLI on a machine whose zone is UTC. */
function cxdesk(args: string[]) {
  return cxdeskRun(args, { cwd: dir, env: { CXDESK_HOME: join(dir, 'home'), TZ: 'UTC' } })
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-cli-zones-'))
  writeFileSync(join(dir, 'thai.csv'), 'Date,NPS\n31/01/2568 20:00,9\n28/02/2568 20:00,3\n2025-03-10T10:00:00+07:00,10\n')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('zones on the command line', () => {
  it('init defaults to the system zone and says it; a zone that is not one is a usage error (exit 2)', async () => {
    expect((await cxdesk(['init', 'utc.cxdesk'])).stdout).toMatch(/time zone UTC/)
    const bad = await cxdesk(['init', 'bad.cxdesk', '--timezone', 'Asia/Hanoi_City'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--timezone Asia\/Hanoi_City: not a time zone/)
  })

  it('import --zone reads zone-less times in that zone and records it; reread moves them and says how to undo', async () => {
    expect((await cxdesk(['init', 'w.cxdesk', '--timezone', 'Asia/Ho_Chi_Minh'])).code).toBe(0)
    const bad = await cxdesk(['import', 'w.cxdesk', 'thai.csv', '--zone', 'Bangkok', '--date-order', 'dmy'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--zone Bangkok: not a time zone/)

    expect(JSON.parse((await cxdesk(['import', 'w.cxdesk', 'thai.csv', '--zone', 'UTC', '--date-order', 'dmy', '--json'])).stdout)).toMatchObject({ imported: 3 })
    const list = JSON.parse((await cxdesk(['imports', 'w.cxdesk', '--json'])).stdout)
    expect(list.imports).toEqual([expect.objectContaining({ id: 1, fileName: 'thai.csv', timezone: 'UTC', responses: 3, readInZone: 2 })])

    const r = await cxdesk(['reread', 'w.cxdesk', '--import', '1', '--zone', 'Asia/Bangkok'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/2 responses moved\. Undo: cxdesk reread w\.cxdesk --import 1 --zone UTC/)
    expect((await cxdesk(['imports', 'w.cxdesk'])).stdout).toMatch(/#1 {2}thai\.csv .* Asia\/Bangkok/)
    expect((await cxdesk(['reread', 'w.cxdesk', '--import', 'x', '--zone', 'UTC'])).code).toBe(2)
    const missing = await cxdesk(['reread', 'w.cxdesk', '--import', '9', '--zone', 'UTC'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/no import number 9/)
  })
})
