import { useCallback, useEffect, useMemo } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { maskContactsIn, maskCustomer, maskEmail, maskName, maskPhone } from '../../../src-shared/domain/personalData'
import { useApi, useApiQuery } from '../api/hooks'
import { useI18n } from '../i18n/I18nProvider'
import { Notice } from './Notice'

const ident = <T,>(v: T) => v

/**
 * The "Hide personal data" switch's state (remembered in the preferences) and the maskers the
 * inbox and the Customers screen show names, e-mails, phones and free text through. Off: each
 * masker returns its input unchanged. The rules are the reports' (src-shared/domain/personalData.ts).
 */
export function usePersonalData() {
  const info = useApiQuery('app.info', {})
  const hidden = info.data?.hidePersonalData ?? false
  return useMemo(() => {
    const opt = (f: (s: string) => string) => (s: string | null | undefined) => (hidden && s ? f(s) : (s ?? null))
    return {
      hidden,
      name: opt(maskName),
      email: opt(maskEmail),
      phone: opt(maskPhone),
      /** E-mails and phone numbers written inside a comment or a note. */
      text: opt(maskContactsIn),
      customer: hidden ? maskCustomer : ident,
    }
  }, [hidden])
}

/** Ctrl+Shift+H (⌘⇧H on a Mac) — also while typing in a field, since it is a chord no text needs. */
const isShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'h'

/** The switch itself (a toggle button), with its keyboard shortcut while it is on screen. */
export function HidePersonalDataSwitch() {
  const { t } = useI18n()
  const api = useApi()
  const queryClient = useQueryClient()
  const { hidden } = usePersonalData()
  const set = useCallback(
    (hide: boolean) => void api.call('app.setHidePersonalData', { hide }).then((r) => queryClient.setQueryData(['app.info', {}], r), () => undefined),
    [api, queryClient],
  )
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcut(e)) return
      e.preventDefault()
      set(!hidden)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [hidden, set])
  return (
    <button type="button" className="btn status-btn privacy-switch" aria-pressed={hidden} title={t('privacy.hideHint')} aria-keyshortcuts="Control+Shift+H" onClick={() => set(!hidden)} data-testid="hide-personal-data">
      {t('privacy.hide')}
    </button>
  )
}

/** While data is hidden, a line says so (and how to show it), so nobody wonders where the e-mails went. */
export function PersonalDataBanner() {
  const { t } = useI18n()
  const { hidden } = usePersonalData()
  return hidden ? <Notice tone="info">{t('privacy.hiddenBanner')}</Notice> : null
}
