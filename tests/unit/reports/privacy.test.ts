import { describe, expect, it } from 'vitest'
import { commentForReport, contactOf, maskEmail, maskPhone } from '../../../src-main/reports/privacy'

const RAW_EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.[\p{L}]{2,}/u

describe('privacy in reports', () => {
  it('masks e-mail addresses and phone numbers so they cannot be used', () => {
    expect(maskEmail('lan.nguyen@example.com')).toBe('l•••@e•••.com')
    expect(maskPhone('+84 912 345 678')).toBe('••• ••• 678')
    expect(maskPhone('12')).toBe('•••')
    expect(RAW_EMAIL.test(maskEmail('somchai@mail.co.th'))).toBe(false)
  })

  it('prints the e-mail, else the phone, masked unless the report says otherwise', () => {
    expect(contactOf('a.b@example.com', '0912345678', true)).toBe('a•••@e•••.com')
    expect(contactOf(null, '0912345678', true)).toBe('••• ••• 678')
    expect(contactOf(null, '0912345678', false)).toBe('0912345678')
    expect(contactOf(null, null, true)).toBeNull()
  })

  it('masks contacts written inside comments, in Vietnamese and Thai text too', () => {
    const vi = 'Gọi cho tôi: 0912 345 678 hoặc lan.nguyen@example.com, cảm ơn!'
    const masked = commentForReport(vi, 'include', true)!
    expect(masked).toContain('Gọi cho tôi')
    expect(masked).not.toMatch(RAW_EMAIL)
    expect(masked).not.toContain('345 678')
    const th = 'ติดต่อ 081-234-5678 ครับ'
    expect(commentForReport(th, 'include', true)).toBe('ติดต่อ ••• ••• 678 ครับ')
    expect(commentForReport(th, 'include', false)).toBe(th)
  })

  it('redacts personal details, or leaves comments out', () => {
    const text = 'Order 12345678, mail me at x@y.vn or see https://example.com/a — thanks'
    expect(commentForReport(text, 'redact', false)).toBe('Order […], mail me at […] or see […] — thanks')
    expect(commentForReport(text, 'exclude', true)).toBeNull()
    expect(commentForReport('', 'include', true)).toBeNull()
    // Short numbers (scores, prices, dates) are not personal details.
    expect(commentForReport('Waited 45 minutes on 3/4, paid 120.000đ', 'redact', true)).toBe('Waited 45 minutes on 3/4, paid 120.000đ')
    expect(commentForReport('Ordered on 2026-11-02, again 02/11/2026', 'include', true)).toBe('Ordered on 2026-11-02, again 02/11/2026')
  })
})
