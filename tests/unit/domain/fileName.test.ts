import { describe, expect, it } from 'vitest'
import { cleanFileName } from '../../../src-shared/domain/fileName'
import { fileNameFor } from '../../../src-main/app/workspaceActions'
import { reportFileName } from '../../../src-main/reports/reportExport'
import { defaultReportOptions } from '../../../src-shared/api/reports'

describe('the one file-name sanitiser', () => {
  it('turns control characters and the ones Windows refuses into single spaces', () => {
    expect(cleanFileName('a/b\\c:d*e?f"g<h>i|j\u0000k\tl', 100)).toBe('a b c d e f g h i j k l')
    expect(cleanFileName('  Café   Sông Trà  ', 100)).toBe('Café Sông Trà')
  })

  it('drops leading dots (hidden files), cuts to length without a trailing space, and leaves nothing when nothing is safe', () => {
    expect(cleanFileName('..hidden', 100)).toBe('hidden')
    expect(cleanFileName('abc def', 4)).toBe('abc')
    expect(cleanFileName('///', 100)).toBe('')
  })

  it('serves workspace files and report PDFs alike', () => {
    expect(fileNameFor('Q3: "North" <draft>')).toBe('Q3 North draft.cxdesk')
    expect(() => fileNameFor(' / ')).toThrow(/name/)
    const name = reportFileName({ ...defaultReportOptions(), title: 'A/B|C' }, 'Café\u0007 Demo', { from: '2026-10-01', to: '2026-10-31' })
    expect(name).toBe('Café Demo – A B C – 2026-10-01 – 2026-10-31.pdf')
  })
})
