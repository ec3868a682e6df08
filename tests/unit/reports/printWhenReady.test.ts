import { describe, expect, it } from 'vitest'
import { printWhenReady, READINESS_CHECK, type PrintablePage } from '../../../src-main/reports/printing/printWhenReady'

/** A stand-in for Electron's hidden window: answers the readiness check from a script of states. */
function fakePage(states: unknown[], log: string[]): () => PrintablePage {
  return () => ({
    load: async (url) => void log.push(`load ${url}`),
    evaluate: async (expression) => {
      expect(expression).toBe(READINESS_CHECK)
      return states.length > 1 ? states.shift() : states[0]
    },
    pdf: async () => {
      log.push('pdf')
      return Buffer.from('%PDF-1.7')
    },
    close: () => void log.push('close'),
  })
}

describe('printing a page once it is ready (the desktop’s printToPDF path, with a stand-in window)', () => {
  it('loads the page, waits for data-report-ready, prints, and closes the window', async () => {
    const log: string[] = []
    const stages: string[] = []
    const pdf = await printWhenReady(fakePage([false, false, 'ready'], log), 'app://cxdesk/index.html#/report-print?job=abc', { onStage: (s) => stages.push(s) })
    expect(pdf.toString()).toBe('%PDF-1.7')
    expect(log).toEqual(['load app://cxdesk/index.html#/report-print?job=abc', 'pdf', 'close'])
    expect(stages).toEqual(['starting', 'rendering', 'printing'])
  })

  it('reports a page that could not lay itself out, and a page that never gets ready', async () => {
    await expect(printWhenReady(fakePage(['error:no data'], []), 'x', {})).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('no data') })
    await expect(printWhenReady(fakePage([false], []), 'x', { timeoutMs: 20 })).rejects.toMatchObject({ code: 'IO' })
  })

  it('stops and closes the window when cancelled', async () => {
    const log: string[] = []
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 15)
    await expect(printWhenReady(fakePage([false], log), 'x', { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(log).toContain('close')
    expect(log).not.toContain('pdf')
  })
})
