import { describe, expect, it } from 'vitest'
import { importProblems } from '../../../src-main/import/source/limits'
import { en } from '../../../src-shared/i18n/en'
import { translator } from '../../../src-shared/i18n/translate'
import { ApiCallError } from '../../../src-shared/api/client'
import { describeError } from '../../../src-renderer/src/i18n/errorMessage'

describe('why a file is refused, in three languages', () => {
  it('every problem the importer can name has a message in the catalogues', () => {
    for (const p of importProblems) expect(Object.keys(en), p).toContain(`importProblem.${p}`)
  })

  it('the import page shows the reason in the user language, with the file and row numbers filled in', () => {
    const noRows = new ApiCallError({ code: 'IMPORT_FAILED', message: 'x.csv has no rows to import: it holds only a header row.', details: { problem: 'noRows', params: { file: 'x.csv' } } })
    expect(describeError(translator('en'), noRows)).toEqual({ title: 'x.csv has a header but no rows to import.', detail: null })
    expect(describeError(translator('vi'), noRows).title).toBe('x.csv chỉ có dòng tiêu đề, không có dòng dữ liệu nào để nhập.')
    expect(describeError(translator('th'), noRows).title).toBe('x.csv มีแต่แถวหัวตาราง ไม่มีแถวข้อมูลให้นำเข้า')
    const binary = new ApiCallError({ code: 'IMPORT_FAILED', message: '…', details: { problem: 'notTable', params: { file: 'a.csv' } } })
    expect(describeError(translator('th'), binary).title).toBe('a.csv ไม่ใช่ไฟล์ข้อความ (CSV) หรือไฟล์ Excel (.xlsx) จึงนำเข้าไม่ได้')
    const damaged = new ApiCallError({ code: 'IMPORT_FAILED', message: 'The workbook is damaged (the styles is not well-formed XML).', details: { problem: 'workbookDamaged', params: {} } })
    expect(describeError(translator('vi'), damaged)).toEqual({ title: expect.stringMatching(/^Sổ làm việc bị hỏng/), detail: 'The workbook is damaged (the styles is not well-formed XML).' })
    // Anything else keeps the general title and the message as detail.
    expect(describeError(translator('en'), new ApiCallError({ code: 'IMPORT_FAILED', message: 'Choose the order.' }))).toEqual({ title: 'The file could not be imported.', detail: 'Choose the order.' })
  })
})
