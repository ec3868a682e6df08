import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { appsInZones, type TestApp } from '../../helpers/context'
import { importFile, inspect, rows } from '../../helpers/importing'
import { addTombstones, tombstoneHash, tombstoneSecret } from '../../../src-main/privacy/privacyRepository'

/*
 * Erasure finds a person by their phone's full number and tombstones that number: erasing
 * +84 912 345 678 (Vietnam) neither erases nor blocks +66 912 345 678 (Thailand), two different
 * people. Tombstones written by the older code hold the last nine digits and cannot be re-keyed:
 * a re-import still finds them, so a person erased back then never comes back.
 */
const VN = 'Asia/Ho_Chi_Minh'

const appIn = appsInZones()
function csv(a: TestApp, name: string, lines: string[]) {
  const path = join(a.dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}
const HEADER = 'Date,NPS,Khách hàng,Số điện thoại,Comment'

describe('erasure by phone', () => {
  it('erases the person with that full number, and tombstones only that number', async () => {
    const a = await appIn(VN)
    const open = a.ctx.session.require()
    const first = csv(a, 'shop.csv', [HEADER, '2025-03-01 10:00,9,An,0912.345.678,Cà phê ngon', '2025-03-02 10:00,3,Somchai,+66 912 345 678,Too slow'])
    expect(await importFile(open, first)).toMatchObject({ imported: 2 })
    expect(rows(open, 'SELECT name, phone FROM customers ORDER BY id')).toEqual([
      { name: 'An', phone: '+84912345678' },
      { name: 'Somchai', phone: '+66912345678' },
    ])

    const preview = await a.api.call('privacy.previewErasure', { subject: { query: '+84 912 345 678' } })
    expect(preview).toMatchObject({ foundBy: 'phone', responses: 1 })
    expect(preview.customers.map((c) => c.name)).toEqual(['An'])
    await a.api.call('privacy.erase', { subject: { query: '0912345678' }, mode: 'delete' })
    expect(rows(open, 'SELECT name, phone FROM customers')).toEqual([{ name: 'Somchai', phone: '+66912345678' }])
    expect(rows(open, 'SELECT comment FROM responses')).toEqual([{ comment: 'Too slow' }])

    // A later file: the Thai customer's new answer comes in; the erased Vietnamese number, written another way, does not.
    const later = csv(a, 'later.csv', [HEADER, '2025-04-01 10:00,8,Somchai,66912345678,Better now', '2025-04-02 10:00,7,An,+84 912 345 678,Again'])
    expect(await importFile(open, later)).toMatchObject({ imported: 1, erased: 1 })
    expect(rows(open, 'SELECT comment FROM responses ORDER BY id')).toEqual([{ comment: 'Too slow' }, { comment: 'Better now' }])
  })
})

describe('tombstones written by the older code (last nine digits)', () => {
  /** An erasure as the older code wrote it: `phone:` and the number's last nine digits, hashed with the workspace's key. */
  function plantLegacyTombstone(a: TestApp, lastNine: string) {
    const sqlite = a.ctx.session.require().ws.sqlite
    addTombstones(sqlite, [tombstoneHash(tombstoneSecret(sqlite, true)!, `phone:${lastNine}`)], a.ctx.clock.now())
  }

  it('still keep the erased person out of a re-import of responses', async () => {
    const a = await appIn(VN)
    const open = a.ctx.session.require()
    plantLegacyTombstone(a, '912345678')
    const file = csv(a, 'old.csv', [HEADER, '2025-03-01 10:00,9,An,+84 912 345 678,Cà phê ngon', '2025-03-01 11:00,8,Bình,0987 654 321,Ổn'])
    expect(await importFile(open, file, undefined, { dryRun: true })).toMatchObject({ imported: 1, erased: 1 })
    expect(await importFile(open, file)).toMatchObject({ imported: 1, erased: 1 })
    expect(rows(open, 'SELECT name, phone FROM customers')).toEqual([{ name: 'Bình', phone: '+84987654321' }])
  })

  it('still keep the erased person out of a customers import', async () => {
    const a = await appIn(VN)
    const open = a.ctx.session.require()
    plantLegacyTombstone(a, '912345678')
    const file = csv(a, 'crm.csv', ['Customer ID,Name,Phone', 'C-1,An,0912 345 678', 'C-2,Bình,0987 654 321'])
    const insp = await inspect(open, file, 'customers')
    expect(await importFile(open, file, insp.mapping)).toMatchObject({ kind: 'customers', imported: 1, erased: 1 })
    expect(rows(open, 'SELECT external_ref, phone FROM customers')).toEqual([{ external_ref: 'C-2', phone: '+84987654321' }])
  })

  it('a new erasure writes the full number only: it stops that number and no other', async () => {
    const a = await appIn(VN)
    const open = a.ctx.session.require()
    const first = csv(a, 'shop.csv', [HEADER, '2025-03-01 10:00,9,An,0912.345.678,Cà phê ngon'])
    await importFile(open, first)
    await a.api.call('privacy.erase', { subject: { query: '+84 912 345 678' }, mode: 'anonymise' })
    const secret = tombstoneSecret(open.ws.sqlite, false)!
    const has = (key: string) => rows(open, 'SELECT 1 FROM privacy_tombstones WHERE hash = ?', tombstoneHash(secret, key)).length === 1
    expect(has('tel:84912345678')).toBe(true)
    expect(has('phone:912345678')).toBe(false)
  })
})

describe('tombstones across a change of the workspace zone', () => {
  it('an erasure made in a zone without a country still stops the number once the zone is Vietnam’s', async () => {
    const a = await appIn('Europe/Paris')
    const open = a.ctx.session.require()
    await importFile(open, csv(a, 'shop.csv', [HEADER, '2025-03-01 10:00,9,An,0912 345 678,Cà phê ngon']))
    await a.api.call('privacy.erase', { subject: { query: '0912345678' }, mode: 'delete' })
    await a.api.call('workspace.setTimezone', { timezone: VN })
    const later = csv(a, 'later.csv', [HEADER, '2025-04-01 10:00,7,An,+84 912 345 678,Again', '2025-04-01 11:00,8,Bình,0912.345.678,Lại nữa', '2025-04-02 10:00,8,Somchai,+1 912 345 6789,Fine'])
    expect(await importFile(open, later)).toMatchObject({ imported: 1, erased: 2 })
    expect(rows(open, 'SELECT name FROM customers')).toEqual([{ name: 'Somchai' }])
  })

  it('an erasure made in Vietnam still stops the number written nationally after the zone lost its country, and never a Thai number', async () => {
    const a = await appIn(VN)
    const open = a.ctx.session.require()
    await importFile(open, csv(a, 'shop.csv', [HEADER, '2025-03-01 10:00,9,An,0912 345 678,Cà phê ngon']))
    await a.api.call('privacy.erase', { subject: { query: '0912345678' }, mode: 'delete' })
    await a.api.call('workspace.setTimezone', { timezone: 'Europe/Paris' })
    const later = csv(a, 'later.csv', [HEADER, '2025-04-01 10:00,7,An,0912-345-678,Again', '2025-04-02 10:00,8,Somchai,+66 912 345 678,Sawasdee'])
    expect(await importFile(open, later)).toMatchObject({ imported: 1, erased: 1 })
    expect(rows(open, 'SELECT name, phone FROM customers')).toEqual([{ name: 'Somchai', phone: '+66912345678' }])
  })
})
