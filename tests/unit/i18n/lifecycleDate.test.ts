import { describe, expect, it } from 'vitest'
import { lifecycleDate } from '../../../src-renderer/src/features/feedback/lifecycleDate'
import { formatters } from '../../../src-renderer/src/i18n/format'

describe('lifecycle dates in the inbox detail pane', () => {
  it('are written like every other date: the app language, the Buddhist era in Thai', () => {
    expect(lifecycleDate('2024-06-01', formatters('en').day)).toBe(formatters('en').day('2024-06-01'))
    expect(lifecycleDate('2024-06-01', formatters('en').day)).not.toBe('2024-06-01')
    expect(lifecycleDate('2024-06-01', formatters('th').day)).toContain('2567')
    expect(lifecycleDate('2024-06-01T00:00:00Z', formatters('vi').day)).toBe(formatters('vi').day('2024-06-01'))
  })

  it('shows a value that is not a date as it came, never hides it', () => {
    expect(lifecycleDate('spring 2023', formatters('en').day)).toBe('spring 2023')
  })
})
