import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../helpers/context'
import { defaultReportOptions, reportSections } from '../../../src-shared/api/reports'

let app: TestApp
beforeEach(async () => {
  app = testApp({ timezone: 'Asia/Bangkok' })
  await app.api.call('workspace.openDemo', {})
})
afterEach(() => app.cleanup())

describe('channel labels, per workspace and per language', () => {
  it('lists the channels of the data, names one, and goes back to the default', async () => {
    const start = await app.api.call('labels.channels', {})
    expect(start.codes).toEqual(expect.arrayContaining(['app', 'store', 'social', 'web']))
    expect(start.custom).toEqual({ en: {}, vi: {}, th: {} })

    const named = await app.api.call('labels.setChannel', { locale: 'vi', code: 'store', label: '  Quán cà phê ' })
    expect(named.custom.vi).toEqual({ store: 'Quán cà phê' })
    expect(named.custom.en).toEqual({})
    expect((await app.api.call('labels.channels', {})).custom.vi).toEqual({ store: 'Quán cà phê' })

    // A code nobody imported yet may be named too; it is listed from then on.
    const extra = await app.api.call('labels.setChannel', { locale: 'en', code: 'grabfood', label: 'GrabFood' })
    expect(extra.codes).toContain('grabfood')

    const reset = await app.api.call('labels.setChannel', { locale: 'vi', code: 'store', label: null })
    expect(reset.custom.vi).toEqual({})
  })

  it('refuses an empty or overlong label in plain words and keeps the old one', async () => {
    await app.api.call('labels.setChannel', { locale: 'en', code: 'app', label: 'Our app' })
    await expect(app.api.call('labels.setChannel', { locale: 'en', code: 'app', label: '   ' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('A label cannot be empty') })
    await expect(app.api.call('labels.setChannel', { locale: 'en', code: 'app', label: 'x'.repeat(61) })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('at most 60 characters') })
    await expect(app.api.call('labels.setChannel', { locale: 'en', code: '', label: 'Nothing' })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect((await app.api.call('labels.channels', {})).custom.en).toEqual({ app: 'Our app' })
  })

  it('belongs to the workspace: a new workspace starts with the defaults', async () => {
    await app.api.call('labels.setChannel', { locale: 'th', code: 'store', label: 'หน้าร้าน' })
    await app.api.call('workspace.create', { name: 'Another shop' })
    expect((await app.api.call('labels.channels', {})).custom).toEqual({ en: {}, vi: {}, th: {} })
  })

  it('reaches the report in the report’s language, while its figures keep the codes', async () => {
    await app.api.call('labels.setChannel', { locale: 'th', code: 'store', label: 'หน้าร้าน' })
    const options = { ...defaultReportOptions('consultant', 'th'), sections: [...reportSections], period: { preset: 'all' as const } }
    const th = await app.api.call('reports.data', { options })
    expect(th.channelLabels.store).toBe('หน้าร้าน')
    expect(th.channelLabels.app).toBe('แอปมือถือ')
    const groups = th.breakdowns!.items.find((i) => i.dim === 'channel')!.series.rows.map((r) => r.group)
    expect(groups).toContain('store')
    const en = await app.api.call('reports.data', { options: { ...options, locale: 'en' } })
    expect(en.channelLabels.store).toBe('In store')
  })
})
