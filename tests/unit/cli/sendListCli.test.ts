import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cliFolder } from '../../helpers/cliFolder'

const folder = cliFolder('send-list')
const { dir, cxdesk } = folder
const write = (name: string, lines: string[]) => writeFileSync(join(dir, name), lines.join('\n') + '\n')

beforeAll(async () => {
  write('crm.csv', ['Customer ID,Full name,Email,Phone', 'C1,An,an@example.com,', 'C2,Bình,binh@example.com,+84 912 345 678', 'C3,Chi,chi@example.com,'])
  await cxdesk(['init', 'w.cxdesk', '--timezone', 'Asia/Ho_Chi_Minh'])
  const imported = await cxdesk(['import', 'w.cxdesk', 'crm.csv', '--customers'])
  expect(imported.code, imported.stderr).toBe(0)
  write('sent.csv', ['Email,Phone,Sent', 'an@example.com,,01/11/2026', ',0912345678,02/11/2026', 'nobody@example.com,,02/11/2026', 'an@example.com,,31/11/2026'])
})
afterAll(folder.remove)

describe('cxdesk send-list', () => {
  it('checks with --dry-run, records once (a second run records nothing), lists bad rows by number, and undoes an import', async () => {
    const dry = await cxdesk(['send-list', 'w.cxdesk', 'sent.csv', '--channel', 'zalo', '--date-order', 'dmy', '--dry-run', '--json'])
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.json()).toMatchObject({ dryRun: true, rowsRead: 4, matched: 2, recorded: 2, already: 0, rejected: 2, importId: null })
    expect(dry.json().errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([[4, 'unknownCustomer'], [5, 'badDate']])

    const run = await cxdesk(['send-list', 'w.cxdesk', 'sent.csv', '--channel', 'zalo', '--date-order', 'dmy'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('2 survey contacts recorded, 0 already in the log, 2 rows rejected')
    expect(run.stdout).toContain('row 4: "nobody@example.com" names no customer of this workspace')
    expect(run.stdout).toContain('row 5: "31/11/2026" is not a date')
    const importId = Number(/Import (\d+)/.exec(run.stdout)?.[1])
    expect(importId).toBeGreaterThan(0)

    const again = await cxdesk(['send-list', 'w.cxdesk', 'sent.csv', '--channel', 'zalo', '--date-order', 'dmy', '--json'])
    expect(again.json()).toMatchObject({ recorded: 0, already: 2, importId: null })

    const undo = await cxdesk(['send-list', 'w.cxdesk', '--undo', String(importId), '--json'])
    expect(undo.code, undo.stderr).toBe(0)
    expect(undo.json()).toEqual({ importId, removed: 2 })
    const twice = await cxdesk(['send-list', 'w.cxdesk', '--undo', String(importId)])
    expect(twice.code).not.toBe(0)
  })

  it('a map names the columns; --date applies to rows without one', async () => {
    write('plain.csv', ['Khách', 'C3'])
    const r = await cxdesk(['send-list', 'w.cxdesk', 'plain.csv', '--map', 'Khách=customerId', '--channel', 'email', '--date', '2026-11-03', '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.json()).toMatchObject({ recorded: 1, columns: [{ header: 'Khách', role: 'customerId' }] })
  })

  it('refuses every wrong option with exit code 2 and writes nothing', async () => {
    for (const args of [
      ['sent.csv', '--channel', 'fax'],
      ['sent.csv', '--chanel', 'sms'],
      ['sent.csv', '--date', '2026-02-30'],
      ['sent.csv', '--date', 'yesterday'],
      ['sent.csv', '--date-order', 'ydm'],
      ['sent.csv', '--map', 'Email'],
      ['sent.csv', '--map', 'Email=mail'],
      ['sent.csv', '--dry-run=yes'],
      ['sent.csv', '--undo', '1'],
      ['--undo', '0'],
      ['--undo', 'x'],
      ['--undo', '1', '--channel', 'sms'],
      [],
    ]) {
      const r = await cxdesk(['send-list', 'w.cxdesk', ...args])
      expect(r.code, args.join(' ')).toBe(2)
    }
  })
})
