import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BenchArgsError, parseBenchArgs } from '../../bench/args'

const sections = ['metrics', 'reports', 'importpeer', 'robustness']
const ROOT = join(__dirname, '..', '..', '..')

describe('npm run bench flags', () => {
  it('reads the known flags', () => {
    expect(parseBenchArgs([], sections)).toEqual({ rows: 1_000_000, keep: false })
    expect(parseBenchArgs(['--rows', '200000', '--only', 'metrics,reports', '--keep', '--runs', '2'], sections)).toEqual({
      rows: 200_000,
      only: ['metrics', 'reports'],
      keep: true,
      runs: 2,
    })
    expect(parseBenchArgs(['--only', 'metrics', '--kiosks', '10', '--answers', '200', '--minutes', '3'], sections)).toMatchObject({ kiosks: 10, answers: 200, minutes: 3 })
    expect(parseBenchArgs(['--only', 'robustness', '--seed', '0', '--scale', '3', '--parts', 'http,kills'], sections)).toMatchObject({ seed: 0, scale: 3, parts: ['http', 'kills'] })
  })

  it.each([
    [['--row', '1000'], /unknown flag "--row"/],
    [['--rows'], /--rows needs a whole number/],
    [['--rows', '1e5'], /--rows needs a whole number/],
    [['--rows', '0'], /at least 1/],
    [['--rows', '-5'], /--rows needs/],
    [['--only', 'metric'], /unknown section "metric"; the sections are metrics, reports/],
    [['--only', '--keep'], /--only needs a comma-separated list/],
    [['extra'], /unknown argument "extra"/],
    [['--kiosk', '10'], /unknown flag "--kiosk"/],
    [['--kiosks', '0'], /--kiosks needs a whole number of at least 1/],
    [['--answers', '2.5'], /--answers needs a whole number/],
    [['--minutes', 'ten'], /--minutes needs a whole number/],
    [['--minutes'], /--minutes needs a whole number/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBenchArgs(argv, sections)).toThrow(BenchArgsError)
    expect(() => parseBenchArgs(argv, sections)).toThrow(message)
  })

  it('stops the run with exit code 2 and the usage before generating anything', () => {
    let status = 0
    let stderr = ''
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/bench/run.ts'), '--row', '1000'], { cwd: ROOT, stdio: 'pipe', timeout: 60_000 })
    } catch (e) {
      const err = e as { status: number; stderr: Buffer }
      status = err.status
      stderr = String(err.stderr)
    }
    expect(status).toBe(2)
    expect(stderr).toContain('unknown flag "--row"')
    expect(stderr).toContain('usage: npm run bench')
  })
})
