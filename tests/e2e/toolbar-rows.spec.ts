import { mkdirSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'

const SHOTS = process.env.SHOTS_DIR ?? '/work/shots'
mkdirSync(SHOTS, { recursive: true })

/**
 * The separators of a wrapping row, read from the page: for each shown item, whether it begins or
 * ends a visual row (by its box against its neighbours', as a person sees it), whether a separator is
 * drawn after it (a right border, or the item's ::after), and the row-end mark the app gave it.
 */
async function separators(items: Locator, kind: 'border' | 'after') {
  return items.evaluateAll(
    (els, kind) => {
      const shown = (els as HTMLElement[]).filter((el) => el.getBoundingClientRect().width > 0)
      const drawn = (color: string) => color !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(color)
      return shown.map((el, i) => {
        const box = el.getBoundingClientRect()
        const next = shown[i + 1]?.getBoundingClientRect()
        const style = getComputedStyle(el)
        const after = getComputedStyle(el, '::after')
        const separator =
          kind === 'border' ? parseFloat(style.borderRightWidth) > 0 && drawn(style.borderRightColor) : after.content !== 'none' && after.content !== 'normal' && drawn(after.color)
        return { text: (el.textContent ?? '').trim().slice(0, 30), endsRow: !next || next.left < box.left + 1, last: i === shown.length - 1, separator, marked: el.hasAttribute('data-row-end') }
      })
    },
    kind,
  )
}

type Seen = Awaited<ReturnType<typeof separators>>

/** No row ends on a separator, every other item keeps its own, and the rows seen match the marks. */
function checkRows(seen: Seen, where: string) {
  for (const s of seen) {
    expect(s.marked, `${where}: "${s.text}" row end mark`).toBe(s.endsRow)
    expect(s.separator, `${where}: "${s.text}" ${s.endsRow ? 'ends a row: no separator after it' : 'is followed on its row: a separator after it'}`).toBe(!s.endsRow)
  }
}

const rows = (seen: Seen) => seen.filter((s) => s.endsRow).length

async function openMap(page: Page, url: string) {
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.evaluate(() => (window.location.hash = '#/journeys'))
  await page.getByRole('link', { name: 'Morning order – as is' }).click()
  await expect(page.getByRole('toolbar')).toBeVisible()
}

for (const [locale, name] of [
  ['en-GB', 'en'],
  ['vi-VN', 'vi'],
  ['th-TH', 'th'],
] as const) {
  test.describe(`wrapped toolbar rows (${name})`, () => {
    test.use({ locale, viewport: { width: 1280, height: 800 } })

    test('never end on a separator: the journey editor toolbar and the inbox shortcuts, at 1024 and 1280 px', async ({ page, app }) => {
      test.setTimeout(120_000)
      await openMap(page, app.url)
      const toolbar = page.getByRole('toolbar')
      const groups = toolbar.locator('.jm-group')
      let wrapped = 0
      for (const width of [1280, 1024, 800]) {
        await page.setViewportSize({ width, height: 800 })
        // The marks follow the layout (a resize observer): wait until they agree with the boxes.
        await expect.poll(async () => (await separators(groups, 'border')).every((s) => s.marked === s.endsRow), { message: `${name} ${width}` }).toBe(true)
        const seen = await separators(groups, 'border')
        checkRows(seen, `toolbar ${name} ${width}`)
        if (rows(seen) > 1) wrapped++
        if (width !== 800) await toolbar.screenshot({ path: `${SHOTS}/polish15-toolbar-${name}-${width}.png` })
      }
      // The toolbar wraps in every language at 1024 px or 800 px at least: the rule was exercised.
      expect(wrapped, `${name}: the toolbar wrapped at some width`).toBeGreaterThan(0)

      await page.setViewportSize({ width: 1280, height: 800 })
      await page.evaluate(() => (window.location.hash = '#/inbox'))
      await expect(page.getByTestId('inbox-list').locator('.inbox-row').first()).toBeVisible()
      const hint = page.locator('.keyboard-hint')
      const pieces = hint.locator('.key-hint')
      await expect(pieces).toHaveCount(4)
      for (const width of [1280, 1024]) {
        await page.setViewportSize({ width, height: 800 })
        await expect.poll(async () => (await separators(pieces, 'after')).every((s) => s.marked === s.endsRow)).toBe(true)
        checkRows(await separators(pieces, 'after'), `inbox ${name} ${width}`)
        await page.screenshot({ path: `${SHOTS}/polish15-inbox-${name}-${width}.png` })
      }
      // Narrower than its text (a narrow window, a longer translation): the hint wraps between its
      // pieces, never inside one, and no line ends on a dot.
      await hint.evaluate((el) => (el.style.maxWidth = '190px'))
      await expect.poll(async () => rows(await separators(pieces, 'after'))).toBeGreaterThan(1)
      await expect.poll(async () => (await separators(pieces, 'after')).every((s) => s.marked === s.endsRow)).toBe(true)
      checkRows(await separators(pieces, 'after'), `inbox ${name} narrow`)
      const heights = await pieces.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)))
      expect(Math.max(...heights) - Math.min(...heights), `${name}: each piece on one line`).toBeLessThanOrEqual(1)
      await hint.screenshot({ path: `${SHOTS}/polish15-inbox-hint-narrow-${name}.png` })
    })
  })
}
