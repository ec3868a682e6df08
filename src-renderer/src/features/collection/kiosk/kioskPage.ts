import { collectionEn } from '../../../../../src-shared/i18n/collection/en'
import { collectionVi } from '../../../../../src-shared/i18n/collection/vi'
import { collectionTh } from '../../../../../src-shared/i18n/collection/th'
import { ANSWER_LIMITS, type AnswerBody, type KioskSurvey } from '../../../../../src-shared/domain/collection'
import { localeNames, locales, resolveLocale, type Locale } from '../../../../../src-shared/domain/locales'
import { AnswerQueue, type SendResult } from './answerQueue'
import { newClientId } from './clientId'

type Key = keyof typeof collectionEn
const catalogues: Record<Locale, Record<Key, string>> = { en: collectionEn, vi: collectionVi, th: collectionTh }
/** Seconds the thank-you stays on a kiosk before the page is ready for the next person. */
const KIOSK_RESET_MS = 5_000

function translate(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}

function plural(locale: Locale, key: 'kiosk.queued', count: number): string {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other'
  return translate(locale, `${key}_${form}`, { count: new Intl.NumberFormat(locale).format(count) })
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props)
  for (const c of children) e.append(c)
  return e
}

/** Dark or light text on the shop's colour, whichever reads better. */
function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4 ? '#111111' : '#ffffff'
}

async function postAnswer(base: string, body: AnswerBody): Promise<SendResult> {
  const res = await fetch(`${base}/answers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'omit', cache: 'no-store' })
  const after = Number(res.headers.get('retry-after'))
  return { status: res.status, retryAfter: Number.isFinite(after) && after > 0 ? after : undefined }
}

/** The page: language, the score, an optional comment and contact with consent, send, thank-you. */
export function startKiosk(root: HTMLElement): void {
  const token = location.pathname.split('/')[2] ?? ''
  const base = `/s/${encodeURIComponent(token)}`
  const startLocale = resolveLocale(navigator.languages ?? [navigator.language])
  let locale: Locale = startLocale
  let survey: KioskSurvey | null = null
  let score: number | null = null
  let status = document.createElement('p')

  const queue = new AnswerQueue({
    storage: localStorage,
    key: `cxdesk.answers.${token}`,
    send: (body) => postAnswer(base, body),
    later: (ms, run) => window.setTimeout(run, ms),
    onChange: () => renderQueueStatus(),
  })

  const t = (key: Key, params?: Record<string, string | number>) => translate(locale, key, params)

  function renderQueueStatus(): void {
    const n = queue.pending().length
    status.textContent = n > 0 ? plural(locale, 'kiosk.queued', n) : ''
    status.hidden = n === 0
  }

  function header(): HTMLElement {
    const bar = el('header', { className: 'kiosk-header' })
    if (survey?.hasLogo) bar.append(el('img', { className: 'kiosk-logo', src: `${base}/logo`, alt: survey.shopName }))
    else if (survey?.shopName) bar.append(el('span', { className: 'kiosk-shop' }, survey.shopName))
    const langs = el('div', { className: 'kiosk-langs', role: 'group' })
    langs.setAttribute('aria-label', t('kiosk.language'))
    for (const l of locales) {
      const b = el('button', { type: 'button', className: 'kiosk-lang', lang: l }, localeNames[l])
      b.setAttribute('aria-pressed', String(l === locale))
      b.addEventListener('click', () => {
        locale = l
        render()
      })
      langs.append(b)
    }
    bar.append(langs)
    return bar
  }

  function render(): void {
    document.documentElement.lang = locale
    root.replaceChildren()
    if (!survey) {
      root.append(el('p', { className: 'kiosk-message' }, t('kiosk.loading')))
      return
    }
    const s = survey
    const shop = s.shopName || t('kiosk.shopFallback')
    root.append(header())
    const form = el('form', { className: 'kiosk-form', noValidate: true })
    const question = el('h1', { className: 'kiosk-question', id: 'kiosk-question' }, t(`kiosk.question.${s.metric}`, { shop }))
    const scale = el('div', { className: `kiosk-scale kiosk-scale-${s.max - s.min + 1}`, role: 'radiogroup' })
    scale.setAttribute('aria-labelledby', 'kiosk-question')
    for (let v = s.min; v <= s.max; v++) {
      const b = el('button', { type: 'button', className: 'kiosk-score' }, String(v))
      b.setAttribute('role', 'radio')
      b.setAttribute('aria-checked', String(score === v))
      b.addEventListener('click', () => {
        score = v
        for (const other of scale.querySelectorAll('button')) other.setAttribute('aria-checked', String(other === b))
        error.textContent = ''
      })
      scale.append(b)
    }
    const anchors = el('div', { className: 'kiosk-anchors', ariaHidden: 'true' }, el('span', {}, t(`kiosk.low.${s.metric}`)), el('span', {}, t(`kiosk.high.${s.metric}`)))
    form.append(question, scale, anchors)

    const comment = el('textarea', { className: 'kiosk-input', maxLength: ANSWER_LIMITS.comment, rows: 3, id: 'kiosk-comment' })
    if (s.askComment) form.append(el('label', { className: 'kiosk-label', htmlFor: 'kiosk-comment' }, t('kiosk.comment')), comment)

    const name = el('input', { className: 'kiosk-input', id: 'kiosk-name', autocomplete: 'name', maxLength: ANSWER_LIMITS.name })
    const email = el('input', { className: 'kiosk-input', id: 'kiosk-email', type: 'email', autocomplete: 'email', maxLength: ANSWER_LIMITS.email })
    const phone = el('input', { className: 'kiosk-input', id: 'kiosk-phone', type: 'tel', autocomplete: 'tel', maxLength: ANSWER_LIMITS.phone })
    const consent = el('input', { type: 'checkbox', id: 'kiosk-consent', className: 'kiosk-check' })
    if (s.askContact) {
      form.append(
        el(
          'fieldset',
          { className: 'kiosk-contact' },
          el('legend', {}, t('kiosk.contact.title')),
          el('label', { className: 'kiosk-label', htmlFor: 'kiosk-name' }, t('kiosk.contact.name')),
          name,
          el('label', { className: 'kiosk-label', htmlFor: 'kiosk-email' }, t('kiosk.contact.email')),
          email,
          el('label', { className: 'kiosk-label', htmlFor: 'kiosk-phone' }, t('kiosk.contact.phone')),
          phone,
          el('label', { className: 'kiosk-consent', htmlFor: 'kiosk-consent' }, consent, el('span', {}, t('kiosk.contact.consent', { shop }))),
        ),
      )
    }
    const error = el('p', { className: 'kiosk-error', role: 'alert' })
    const send = el('button', { type: 'submit', className: 'kiosk-send' }, t('kiosk.send'))
    form.append(error, send)
    form.addEventListener('submit', (e) => {
      e.preventDefault()
      if (score === null) {
        error.textContent = t('kiosk.chooseScore')
        ;(scale.querySelector('button') as HTMLButtonElement | null)?.focus()
        return
      }
      const contact = { name: name.value.trim(), email: email.value.trim(), phone: phone.value.trim() }
      const gaveContact = s.askContact && (contact.name || contact.email || contact.phone)
      if (gaveContact && !consent.checked) {
        error.textContent = t('kiosk.contact.needConsent')
        consent.focus()
        return
      }
      const body: AnswerBody = { id: newClientId(), score, language: locale }
      if (s.askComment && comment.value.trim()) body.comment = comment.value.trim()
      if (gaveContact) {
        body.consent = true
        body.contact = Object.fromEntries(Object.entries(contact).filter(([, v]) => v)) as AnswerBody['contact']
      }
      void queue.add(body)
      thanks()
    })
    root.append(form)
    status = el('p', { className: 'kiosk-queued', role: 'status' })
    root.append(status)
    renderQueueStatus()
    const canFullscreen = 'requestFullscreen' in document.documentElement || 'webkitRequestFullscreen' in document.documentElement
    if (s.kind === 'kiosk' && canFullscreen && !document.fullscreenElement) {
      const full = el('button', { type: 'button', className: 'kiosk-fullscreen' }, t('kiosk.fullscreen'))
      full.addEventListener('click', () => {
        const d = document.documentElement as Omit<HTMLElement, 'requestFullscreen'> & { requestFullscreen?: () => Promise<void>; webkitRequestFullscreen?: () => void }
        // iPad Safari names it webkitRequestFullscreen.
        if (d.requestFullscreen) void d.requestFullscreen().catch(() => undefined)
        else d.webkitRequestFullscreen?.()
        full.remove()
      })
      root.append(full)
    }
  }

  function thanks(): void {
    root.replaceChildren(header(), el('section', { className: 'kiosk-thanks' }, el('h1', {}, t('kiosk.thanks')), el('p', {}, t('kiosk.thanksBody'))))
    if (survey?.kind === 'kiosk') root.append(el('p', { className: 'kiosk-next' }, t('kiosk.next')))
    status = el('p', { className: 'kiosk-queued', role: 'status' })
    root.append(status)
    renderQueueStatus()
    const heading = root.querySelector('h1')
    heading?.setAttribute('tabindex', '-1')
    heading?.focus()
    if (survey?.kind === 'kiosk')
      window.setTimeout(() => {
        score = null
        locale = startLocale
        render()
      }, KIOSK_RESET_MS)
  }

  async function load(): Promise<void> {
    try {
      const res = await fetch(`${base}/survey`, { credentials: 'omit', cache: 'no-store' })
      if (res.status === 404) {
        root.replaceChildren(el('p', { className: 'kiosk-message' }, t('kiosk.closed')))
        return
      }
      if (!res.ok) throw new Error(String(res.status))
      survey = (await res.json()) as KioskSurvey
      localStorage.setItem(`cxdesk.survey.${token}`, JSON.stringify(survey))
    } catch {
      // The laptop is away: a kiosk keeps working from the survey it saw last, and queues its answers.
      const saved = localStorage.getItem(`cxdesk.survey.${token}`)
      if (!saved) {
        root.replaceChildren(el('p', { className: 'kiosk-message' }, t('kiosk.closed')))
        window.setTimeout(() => void load(), 10_000)
        return
      }
      survey = JSON.parse(saved) as KioskSurvey
    }
    document.documentElement.style.setProperty('--brand', survey.colour)
    document.documentElement.style.setProperty('--on-brand', textOn(survey.colour))
    render()
    void queue.flush()
  }

  window.addEventListener('online', () => void queue.flush())
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void queue.flush()
  })
  render()
  void load()
}
