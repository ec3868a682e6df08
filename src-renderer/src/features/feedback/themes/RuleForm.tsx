import { useState } from 'react'
import type { TagRuleDto } from '../../../../../src-shared/api/tags'
import { useApiMutation } from '../../../api/hooks'
import { useI18n } from '../../../i18n/I18nProvider'
import { LanguageOptions, type CommentLanguage } from './LanguageOptions'
import { Button } from '../../../components/Button'
import { ErrorNotice } from '../../../components/ErrorNotice'

type Lang = CommentLanguage

export function RuleForm({ rule, onCancel, onSaved }: { rule: Partial<TagRuleDto>; onCancel(): void; onSaved(tagged: number): void }) {
  const { t } = useI18n()
  const save = useApiMutation('tags.saveRule')
  const [tag, setTag] = useState(rule.tag ?? '')
  const [language, setLanguage] = useState<Lang | ''>((rule.language as Lang | null) ?? '')
  const [keywords, setKeywords] = useState((rule.keywords ?? []).join('\n'))
  const list = keywords
    .split('\n')
    .map((k) => k.trim())
    .filter(Boolean)
  return (
    <form
      className="form rule-form"
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate({ id: rule.id, tag: tag.trim(), language: language || null, keywords: list }, { onSuccess: (r) => onSaved(r.tagged) })
      }}
    >
      {save.error && <ErrorNotice error={save.error} />}
      <div className="form-grid">
        <label className="field">
          <span>{t('themes.ruleTag')}</span>
          <input required maxLength={60} value={tag} onChange={(e) => setTag(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('themes.ruleLanguage')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Lang | '')}>
            <option value="">{t('themes.anyLanguage')}</option>
            <LanguageOptions />
          </select>
        </label>
      </div>
      <label className="field">
        <span>{t('themes.ruleKeywords')}</span>
        <textarea rows={4} value={keywords} onChange={(e) => setKeywords(e.target.value)} lang={language || undefined} />
      </label>
      <div className="form-actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={save.isPending || !tag.trim() || !list.length}>
          {t('themes.saveRule')}
        </Button>
      </div>
    </form>
  )
}
