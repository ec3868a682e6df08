import { rmSync } from 'node:fs'
import { test, expect, startApp } from './fixtures'

const SHOTS = process.env.CXDESK_SHOTS

// The risk pass runs in a worker thread from 50,000 responses on; here from the first, so the demo
// shows the Customers page's progress bar, its Cancel and Start again, in the three languages.
test('the risk pass shows its progress on the Customers page, and Cancel stops it (en, vi, th)', async ({ page }) => {
  // Paced (the worker waits 100 × 40 ms before its pass): the demo's pass takes milliseconds, and a
  // loaded machine would see it end before Cancel is pressed.
  const app = await startApp({ env: { CXDESK_RISK_WORKER_FROM: '1', CXDESK_RISK_WORKER_PACE_MS: '40' } })
  try {
    await page.goto(app.url)
    await expect(page.getByRole('heading', { level: 1, name: 'Café Sông Trà (demo)' })).toBeVisible()
    await page.getByRole('link', { name: 'Customers' }).click()
    const steps = [
      { lang: 'en', cancel: 'Cancel', restart: 'Start again', next: 'vi', languageLabel: 'Language' },
      { lang: 'vi', cancel: 'Hủy', restart: 'Chạy lại', next: 'th', languageLabel: 'Ngôn ngữ' },
      { lang: 'th', cancel: 'ยกเลิก', restart: 'เริ่มใหม่', next: null, languageLabel: 'ภาษา' },
    ]
    for (const step of steps) {
      const progress = page.getByTestId('risk-progress')
      await expect(progress).toBeVisible()
      await expect(progress.locator('progress')).toBeVisible()
      // One picture of the bar (English): a screenshot takes long enough under load for the demo's pass to end before Cancel.
      if (SHOTS && step.lang === 'en') await page.screenshot({ path: `${SHOTS}/risk16-progress-${step.lang}.png` })
      // The page's list waits for the pass: it answers CANCELLED once the pass stops.
      const listCancelled = page.waitForResponse((r) => r.url().includes('/api/invoke/customers.list'))
      await progress.getByRole('button', { name: step.cancel }).click()
      await expect(page.getByTestId('risk-cancelled')).toBeVisible()
      await expect(progress).toBeHidden()
      expect(await (await listCancelled).json()).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
      // Only the localised notice says so: no error notice (with the main process's English detail) beside it.
      await expect(page.getByRole('alert')).toHaveCount(0)
      await expect(page.getByText('The risk pass was stopped.')).toHaveCount(0)
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/risk16-cancelled-${step.lang}.png` })
      if (step.next) await page.getByLabel(step.languageLabel).selectOption(step.next)
      await page.getByTestId('risk-restart').click()
      if (!step.next) break
    }
    // Started again and left to finish: the list shows, the bar goes.
    await expect(page.getByTestId('customer-count')).toHaveText('ลูกค้า 320 ราย')
    await expect(page.getByTestId('risk-progress')).toBeHidden()
  } finally {
    await app.stop()
    rmSync(app.home, { recursive: true, force: true })
  }
})
