import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkWritable } from '../../../src-main/db/fileChecks'
import { describeError } from '../../../src-renderer/src/i18n/errorMessage'
import { ApiCallError } from '../../../src-shared/api/client'
import { AppError } from '../../../src-shared/api/result'
import { translator } from '../../../src-shared/i18n/translate'

const failing = (code: string, on: string) => (path: string) => {
  if (path === on) throw Object.assign(new Error(`${code}: denied`), { code })
}

describe('a workspace that cannot be written', () => {
  it('is refused before opening, in words, whether the drive, the file or its folder is read-only', () => {
    const file = '/media/usb/shop.cxdesk'
    for (const [code, on, says] of [
      ['EROFS', file, /the file cannot be written \(a read-only drive or share\)/],
      ['EACCES', file, /the file cannot be written \(its permissions\)/],
      ['EPERM', '/media/usb', /its folder cannot be written \(its permissions\)/],
    ] as const) {
      let error: unknown
      try {
        checkWritable(file, { existing: true }, failing(code, on))
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('IO')
      expect((error as AppError).details).toEqual({ path: file, cause: 'READ_ONLY' })
      expect((error as AppError).message).toMatch(says)
      expect((error as AppError).message).toMatch(/copy it to a folder you can write to.*Nothing was changed\.$/)
    }
    expect(() => checkWritable(file, { existing: true }, () => undefined)).not.toThrow()
    // A new workspace needs only its folder (or, not made yet, the nearest folder above that exists);
    // the message says to choose another.
    const fresh = join(tmpdir(), 'not-made-yet', 'shop.cxdesk')
    expect(() => checkWritable(fresh, { existing: false }, failing('EROFS', fresh))).not.toThrow()
    expect(() => checkWritable(fresh, { existing: false }, failing('EROFS', tmpdir()))).toThrow(/cannot be created: its folder cannot be written \(a read-only drive or share\)\. Choose a folder you can write to\./)
  })

  it('is told in the user language on screen, with the file named in the detail', () => {
    const error = new ApiCallError({ code: 'IO', message: '/media/usb/shop.cxdesk cannot be changed: …', details: { path: '/media/usb/shop.cxdesk', cause: 'READ_ONLY' } })
    expect(describeError(translator('vi'), error).title).toMatch(/^Không gian làm việc này nằm trên ổ đĩa hoặc thư mục không ghi được/)
    expect(describeError(translator('th'), error).title).toMatch(/^เวิร์กสเปซนี้อยู่ในไดรฟ์หรือโฟลเดอร์ที่เขียนไม่ได้/)
    expect(describeError(translator('en'), error).detail).toContain('/media/usb/shop.cxdesk')
  })

  it.skipIf(process.getuid?.() === 0)('is found on a real folder without write permission (not as root, who may write anywhere)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxdesk-ro-'))
    const file = join(dir, 'w.cxdesk')
    writeFileSync(file, '')
    chmodSync(dir, 0o555)
    try {
      expect(() => checkWritable(file, { existing: true })).toThrow(/its folder cannot be written/)
    } finally {
      chmodSync(dir, 0o755)
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
