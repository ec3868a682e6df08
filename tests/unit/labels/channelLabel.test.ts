import { describe, expect, it } from 'vitest'
import { channelLabel, noChannelLabels } from '../../../src-shared/domain/channelLabels'

describe('one function turns a channel code into words', () => {
  it('gives the codes CX Desk knows a label in each language', () => {
    expect(channelLabel('store', 'en')).toBe('In store')
    expect(channelLabel('store', 'vi')).toBe('Tại cửa hàng')
    expect(channelLabel('store', 'th')).toBe('ที่ร้าน')
    expect(channelLabel('app', 'vi')).toBe('Ứng dụng di động')
    expect(channelLabel('social', 'th')).toBe('โซเชียลมีเดีย')
    // A file's "Store" is the same channel as the generator's "store".
    expect(channelLabel('Store', 'en')).toBe('In store')
  })

  it('shows a code only the data knows as it is, until someone names it', () => {
    expect(channelLabel('grabfood', 'vi')).toBe('grabfood')
    const custom = { ...noChannelLabels(), vi: { grabfood: 'GrabFood', store: 'Quán' } }
    expect(channelLabel('grabfood', 'vi', custom)).toBe('GrabFood')
    expect(channelLabel('store', 'vi', custom)).toBe('Quán')
    // A label is per language: the English and Thai pages keep theirs.
    expect(channelLabel('grabfood', 'en', custom)).toBe('grabfood')
    expect(channelLabel('store', 'th', custom)).toBe('ที่ร้าน')
  })
})
