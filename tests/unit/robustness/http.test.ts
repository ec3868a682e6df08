import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runHttpRobustness, type HttpRobustnessResult } from '../../helpers/httpRobustness'

/**
 * The HTTP half of the robustness suite, in a size that keeps `npm test` quick; the same code runs
 * longer in `npm run bench -- --only robustness`. The host runs as `npm run web` runs it, in its
 * own process, so a request that kills it is seen as a death, not as a crashed test run.
 */
let dir: string
let result: HttpRobustnessResult
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxdesk-robust-http-'))
  result = await runHttpRobustness({ dir, seed: 12, payloadsPerChannel: 4, alienPerChannel: 3, randomRequests: 60, slowCopies: 2, rows: 60 })
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('malformed HTTP and invalid payloads against the running host', () => {
  it('answers every request (or closes it) within 5 s, never with a 5xx', () => {
    expect(result.examples).toEqual([])
    expect(result.failures).toBe(0)
    expect(result.slowestAnswerMs).toBeLessThan(5_000)
  })

  it('stays alive and answers a valid call after every batch', () => {
    expect(result.hostDeaths).toBe(0)
    expect(result.batches.length).toBeGreaterThanOrEqual(14)
  })

  it('writes nothing for an invalid request: workspace tables, uploads and preferences unchanged', () => {
    expect(result.writesFromInvalid).toBe(0)
  })

  it('sent what it says it sent', () => {
    // 63 channels × (4 payloads + 3 whole bodies), the raw cases and the random bytes.
    expect(result.requests).toBeGreaterThan(500)
    expect(result.skippedValid).toBeLessThan(result.requests / 5)
  })
})
