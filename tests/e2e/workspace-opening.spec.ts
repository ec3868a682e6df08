import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, type RunningApp } from './fixtures'

/** Closes the open workspace through the app's API, as the Workspace menu does. */
async function closeWorkspace(app: RunningApp): Promise<void> {
  const res = await fetch(`${app.origin}/api/invoke/workspace.close`, { method: 'POST', headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' }, body: '{}' })
  const body = (await res.json()) as { ok: boolean; error?: { message: string } }
  if (!body.ok) throw new Error(body.error?.message)
}

const locales = [
  { locale: 'en', language: 'Language', demo: 'Open the demo café chain', title: 'Creating Café Sông Trà (demo)…', cancel: 'Cancel', cancelled: 'Cancelled.' },
  { locale: 'vi', language: 'Ngôn ngữ', demo: 'Mở bản demo chuỗi cà phê', title: 'Đang tạo Café Sông Trà (demo)…', cancel: 'Hủy', cancelled: 'Đã hủy.' },
  { locale: 'th', language: 'ภาษา', demo: 'เปิดตัวอย่างร้านกาแฟ', title: 'กำลังสร้าง Café Sông Trà (demo)…', cancel: 'ยกเลิก', cancelled: 'ยกเลิกแล้ว' },
]

/**
 * The demo is built in a worker thread (seconds of work): the window shows how far it is, with
 * Cancel, in the app's language; a cancel leaves no file behind, and the next try opens the demo.
 */
test('creating the demo shows its progress with Cancel, in three languages', async ({ page, app }, testInfo) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  await page.getByRole('button', { name: /Workspace/ }).click()
  await page.getByRole('menuitem', { name: 'Close workspace' }).click()
  await expect(page.getByRole('heading', { name: 'Welcome to CX Desk' })).toBeVisible()
  const demo = join(app.home, 'Café Sông Trà (demo).cxdesk')
  let language = 'Language'
  for (const l of locales) {
    await page.getByLabel(language).selectOption(l.locale)
    language = l.language
    // The demo takes seconds to build; on a fast machine it may be done before Cancel lands. Then it
    // opened (nothing wrong): close it and try again, so the cancel itself is tested each time.
    let cancelled = false
    for (let attempt = 0; attempt < 5 && !cancelled; attempt++) {
      rmSync(demo, { force: true })
      await page.getByRole('button', { name: l.demo }).click()
      const dialog = page.getByRole('dialog', { name: l.title })
      await expect(dialog).toBeVisible()
      await expect(dialog.getByRole('progressbar')).toBeVisible()
      if (attempt === 0) await page.screenshot({ path: testInfo.outputPath(`opening-${l.locale}.png`) })
      await dialog
        .getByRole('button', { name: l.cancel })
        .click({ timeout: 10_000 })
        .catch(() => undefined)
      const alert = page.getByRole('alert').filter({ hasText: l.cancelled })
      const opened = page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })
      await expect(alert.or(opened)).toBeVisible()
      if (await opened.isVisible()) {
        await closeWorkspace(app)
        await expect(page.getByRole('button', { name: l.demo })).toBeVisible()
        continue
      }
      cancelled = true
      await expect(page.getByRole('alert')).toContainText('Nothing was created.')
      await expect(dialog).toBeHidden()
    }
    expect(cancelled).toBe(true)
    expect(existsSync(demo)).toBe(false)
  }
  await page.getByRole('button', { name: locales[2].demo }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
  expect(existsSync(demo)).toBe(true)
})
