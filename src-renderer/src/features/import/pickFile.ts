/** Browser: the page's own file picker; resolves null when the user closes it without choosing. */
export function pickInBrowser(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true })
    input.addEventListener('cancel', () => resolve(null), { once: true })
    input.click()
  })
}

/** An id for a job, made here so the job can be cancelled before its request returns. */
export const newJobId = () => crypto.randomUUID().replaceAll('-', '')
