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
/** A kiosk left half-answered (the person walked away) starts over after this long without a touch or a key. */
const KIOSK_IDLE_MS = 60_000

/** The form's contents, kept to give them back after a refusal. */
interface Draft {
  score: number | null
  comment: string
  name: string
  email: string
  phone: string
  consent: boolean
}
const emptyDraft = (): Draft => ({ score: null, comment: '', name: '', email: '', phone: '', consent: false })

function translate(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}

function plural(locale: Locale, key: 'kiosk.queued' | 'kiosk.closedKept' | 'kiosk.refusedLater', count: number): string {
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
  /** What the person typed, put back in the form when the server refuses their answer while they are still here. */
  let draft: Draft = emptyDraft()
  /** A message shown above the Send button at the next render (a refusal). */
  let notice: Key | null = null
  /** The answer on the thank-you screen now: a refusal of it brings its person back to the form. */
  let onThanks: { id: string; draft: Draft } | null = null
  let resetTimer = 0
  /** Answers refused later, from the outbox (nobody there to fix them): counted for the staff. */
  let refusedLater = 0
  let closed = false

  const queue = new AnswerQueue({
    storage: localStorage,
    key: `cxdesk.answers.${token}`,
    send: (body) => postAnswer(base, body),
    later: (ms, run) => window.setTimeout(run, ms),
    onChange: () => renderQueueStatus(),
    onRefused: (body, code) => refused(body, code),
    onClosed: () => {
      closed = true
      renderQueueStatus()
    },
  })

  const t = (key: Key, params?: Record<string, string | number>) => translate(locale, key, params)

  function renderQueueStatus(): void {
    const n = queue.pending().length
    const lines: string[] = []
    if (n > 0) lines.push(plural(locale, closed ? 'kiosk.closedKept' : 'kiosk.queued', n))
    if (refusedLater > 0) lines.push(plural(locale, 'kiosk.refusedLater', refusedLater))
    status.textContent = lines.join(' ')
    status.hidden = lines.length === 0
  }

  /**
   * The server will never take this answer. If its person is still on the thank-you screen, the
   * form comes back with what they wrote and why (too long: shorten it; invalid: the survey changed,
   * so it is fetched again). Otherwise it was a queued answer: the page says how many were refused.
   */
  function refused(body: AnswerBody, code: number): void {
    if (onThanks?.id === body.id) {
      draft = onThanks.draft
      onThanks = null
      window.clearTimeout(resetTimer)
      score = null
      notice = code === 413 ? 'kiosk.refused.tooLarge' : code === 400 ? 'kiosk.refused.invalid' : 'kiosk.refused.other'
      // A 400 most likely means the survey changed (another scale) since this page loaded it.
      if (code === 400) void load()
      else render()
      return
    }
    refusedLater++
    renderQueueStatus()
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
    if (draft.score !== null && draft.score >= s.min && draft.score <= s.max) score = draft.score
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

    const comment = el('textarea', { className: 'kiosk-input', maxLength: ANSWER_LIMITS.comment, rows: 3, id: 'kiosk-comment', value: draft.comment })
    if (s.askComment) form.append(el('label', { className: 'kiosk-label', htmlFor: 'kiosk-comment' }, t('kiosk.comment')), comment)

    const name = el('input', { className: 'kiosk-input', id: 'kiosk-name', autocomplete: 'name', maxLength: ANSWER_LIMITS.name, value: draft.name })
    const email = el('input', { className: 'kiosk-input', id: 'kiosk-email', type: 'email', autocomplete: 'email', maxLength: ANSWER_LIMITS.email, value: draft.email })
    const phone = el('input', { className: 'kiosk-input', id: 'kiosk-phone', type: 'tel', autocomplete: 'tel', maxLength: ANSWER_LIMITS.phone, value: draft.phone })
    const consent = el('input', { type: 'checkbox', id: 'kiosk-consent', className: 'kiosk-check', checked: draft.consent })
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
    const error = el('p', { className: 'kiosk-error', role: 'alert' }, notice ? t(notice) : '')
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
      onThanks = { id: body.id, draft: { score, comment: comment.value, name: name.value, email: email.value, phone: phone.value, consent: consent.checked } }
      draft = emptyDraft()
      notice = null
      thanks()
      void queue.add(body)
    })
    root.append(form)
    status = el('p', { className: 'kiosk-queued', role: 'status' })
    root.append(status)
    renderQueueStatus()
    if (notice) (scale.querySelector('[aria-checked="true"]') as HTMLButtonElement | null)?.focus()
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

  /** Back to the start for the next person: no score, nothing typed, the page's first language. */
  function startOver(): void {
    window.clearTimeout(resetTimer)
    score = null
    onThanks = null
    draft = emptyDraft()
    notice = null
    locale = startLocale
    render()
  }

  /** On a kiosk, every touch or key on the form restarts the idle countdown. */
  let idleTimer = 0
  function touched(): void {
    window.clearTimeout(idleTimer)
    if (survey?.kind === 'kiosk' && root.querySelector('.kiosk-form')) idleTimer = window.setTimeout(startOver, KIOSK_IDLE_MS)
  }
  for (const type of ['pointerdown', 'keydown', 'input'] as const) root.addEventListener(type, touched, { passive: true })

  function thanks(): void {
    window.clearTimeout(idleTimer)
    root.replaceChildren(header(), el('section', { className: 'kiosk-thanks' }, el('h1', {}, t('kiosk.thanks')), el('p', {}, t('kiosk.thanksBody'))))
    if (survey?.kind === 'kiosk') root.append(el('p', { className: 'kiosk-next' }, t('kiosk.next')))
    status = el('p', { className: 'kiosk-queued', role: 'status' })
    root.append(status)
    renderQueueStatus()
    const heading = root.querySelector('h1')
    heading?.setAttribute('tabindex', '-1')
    heading?.focus()
    if (survey?.kind === 'kiosk')
      resetTimer = window.setTimeout(startOver, KIOSK_RESET_MS)
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
      closed = false
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
