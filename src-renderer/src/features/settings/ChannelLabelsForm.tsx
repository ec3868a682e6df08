import { useState } from 'react'
import { CHANNEL_LABEL_MAX, channelLabelText, defaultChannelLabel } from '../../../../src-shared/domain/channelLabels'
import type { Locale } from '../../../../src-shared/domain/locales'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { LocaleSelect } from '../../components/LocaleSelect'
import { Notice } from '../../components/Notice'
import './channelLabels.css'

/**
 * What each channel code of the data is called, per language: the built-in name of a code CX Desk
 * knows, the code itself otherwise, until someone names it here. Codes stay in the data.
 */
export function ChannelLabelsForm() {
  const { t, locale } = useI18n()
  const [language, setLanguage] = useState<Locale>(locale)
  const state = useApiQuery('labels.channels', {})
  if (state.error) return <ErrorNotice error={state.error} />
  if (!state.data) return null
  const custom = state.data.custom[language]
  return (
    <div className="form channel-labels" data-testid="channel-labels">
      <label className="field">
        <span>{t('labels.language')}</span>
        <LocaleSelect value={language} onChange={setLanguage} />
      </label>
      {state.data.codes.length === 0 && <p className="muted">{t('labels.none')}</p>}
      {state.data.codes.map((code) => (
        <ChannelLabelRow key={`${language}:${code}`} code={code} language={language} current={custom[code] ?? null} />
      ))}
    </div>
  )
}

function ChannelLabelRow({ code, language, current }: { code: string; language: Locale; current: string | null }) {
  const { t } = useI18n()
  const save = useApiMutation('labels.setChannel')
  const [text, setText] = useState(current ?? '')
  const [problem, setProblem] = useState<string | null>(null)
  const fallback = defaultChannelLabel(code, language) ?? code
  const changed = text.trim() !== (current ?? '')
  return (
    <form
      className="channel-label-row"
      data-code={code}
      onSubmit={(e) => {
        e.preventDefault()
        const parsed = channelLabelText.safeParse(text)
        if (!parsed.success) return setProblem(text.trim() ? t('labels.tooLong', { max: CHANNEL_LABEL_MAX }) : t('labels.empty'))
        setProblem(null)
        save.mutate({ locale: language, code, label: parsed.data }, { onSuccess: () => setText(parsed.data) })
      }}
    >
      <code className="channel-code">{code}</code>
      <input
        lang={language}
        aria-label={t('labels.labelFor', { code })}
        placeholder={fallback}
        value={text}
        maxLength={CHANNEL_LABEL_MAX}
        onChange={(e) => {
          setText(e.target.value)
          setProblem(null)
        }}
      />
      <Button type="submit" variant="primary" disabled={!changed || save.isPending}>
        {t('settings.save')}
      </Button>
      {current !== null && (
        <Button type="button" variant="ghost" onClick={() => save.mutate({ locale: language, code, label: null }, { onSuccess: () => setText('') })} disabled={save.isPending}>
          {t('labels.reset', { label: fallback })}
        </Button>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {save.error && <ErrorNotice error={save.error} onDismiss={() => save.reset()} />}
      {save.isSuccess && !changed && <Notice tone="success">{t('labels.saved', { code, label: current ?? fallback })}</Notice>}
    </form>
  )
}
