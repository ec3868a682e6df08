import { describe, expect, it } from 'vitest'
import { maskContactsIn, maskCustomer, maskEmail, maskName, maskPhone } from '../../../src-shared/domain/personalData'
import { commentForReport } from '../../../src-main/reports/privacy'

describe('masking personal data (Hide personal data, and reports)', () => {
  it('keeps a whole first letter of each word of a name, marks and all', () => {
    expect(maskName('Nguyễn Văn An')).toBe('N••• V••• A•••')
    expect(maskName('  Ðặng   Thị Ửng ')).toBe('Ð••• T••• Ử•••')
    // A Thai consonant with its vowel and tone marks above is one letter.
    expect(maskName('สมศรี วงศ์ใหญ่')).toBe('ส••• ว•••')
    expect(maskName('ผู้ใหญ่ บ้าน')).toBe('ผู้••• บ้•••')
  })

  it('masks e-mails and phones as reports do, inside text too, leaving dates', () => {
    expect(maskEmail('khach12@example.com')).toBe('k•••@e•••.com')
    expect(maskPhone('+84 912 345 678')).toBe('••• ••• 678')
    expect(maskContactsIn('Call 0912 345 678 or write to lan@cafe.vn before 2026-12-02')).toBe('Call ••• ••• 678 or write to l•••@c•••.vn before 2026-12-02')
    // The reports' masking is the same function.
    expect(commentForReport('write to lan@cafe.vn', 'include', true)).toBe(maskContactsIn('write to lan@cafe.vn'))
  })

  it('masks a customer’s name, e-mail and phone and keeps the rest', () => {
    expect(maskCustomer({ id: 3, name: 'Trần Mai', email: 'mai@x.vn', phone: '0901000111', ref: 'CRM-1', segment: 'VIP' })).toEqual({
      id: 3,
      name: 'T••• M•••',
      email: 'm•••@x•••.vn',
      phone: '••• ••• 111',
      ref: 'CRM-1',
      segment: 'VIP',
    })
    expect(maskCustomer({ name: null, email: null, phone: null })).toEqual({ name: null, email: null, phone: null })
  })
})
