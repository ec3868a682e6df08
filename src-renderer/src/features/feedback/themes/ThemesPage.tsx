import { useState } from 'react'
import { filterToSearchParams } from '../../../../../src-shared/api/filters'
import type { TagRuleDto } from '../../../../../src-shared/api/tags'
import type { PageProps } from '../../../platform/pageProps'
import { hrefFor } from '../../../platform/router'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { Card } from '../../../components/Card'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { ImportAction } from '../../../components/ImportAction'
import { Loading } from '../../../components/Loading'
import { Notice } from '../../../components/Notice'
import { LexiconEditor } from './LexiconEditor'
import { RuleForm } from './RuleForm'

/** Themes: tags with their counts, the keyword rules behind them, suggestions from recurring phrases, and the sentiment lexicon. */
export function ThemesPage({ workspace }: PageProps) {
  const { t, fmt } = useI18n()
  const tags = useApiQuery('tags.list', {})
  const rules = useApiQuery('tags.rules', {})
  const suggestions = useApiQuery('tags.suggest', { limit: 20 })
  const remove = useApiMutation('tags.deleteRule')
  const [editing, setEditing] = useState<Partial<TagRuleDto> | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const max = Math.max(1, ...(tags.data ?? []).map((x) => x.count))
  return (
    <div className="themes">
      <header className="page-head">
        <h2>{t('nav.themes')}</h2>
        <p className="muted">{t('themes.intro')}</p>
      </header>
      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)} dismissLabel={t('common.dismiss')}>
          {notice}
        </Notice>
      )}
      <div className="themes-grid">
        <Card title={t('themes.counts')}>
          {tags.isPending && <Loading label={t('common.loading')} />}
          {tags.data?.length === 0 && (
            <div className="empty" data-testid="tags-empty">
              <p>{t('themes.noTags')}</p>
              <p className="empty-actions">
                <Button variant="primary" onClick={() => setEditing({ language: null, keywords: [] })} disabled={editing !== null}>
                  {t('themes.newRule')}
                </Button>
              </p>
            </div>
          )}
          <ul className="tag-counts" data-testid="tag-counts">
            {tags.data?.map((tag) => (
              <li key={tag.id}>
                <a href={hrefFor('inbox', filterToSearchParams({ tag: [tag.name] }))}>{tag.name}</a>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${(100 * tag.count) / max}%`, background: tag.color ?? undefined }} />
                </span>
                <span className="count">{fmt.integer(tag.count)}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card
          title={t('themes.rules')}
          actions={
            <Button onClick={() => setEditing({ language: null, keywords: [] })} disabled={editing !== null}>
              {t('themes.newRule')}
            </Button>
          }
        >
          {editing && (
            <RuleForm
              rule={editing}
              onCancel={() => setEditing(null)}
              onSaved={(tagged) => {
                setEditing(null)
                setNotice(t.plural('themes.ruleSaved', tagged))
              }}
            />
          )}
          {remove.error && <ErrorNotice error={remove.error} />}
          {rules.data?.length === 0 && !editing && <p className="empty">{t('themes.noRules')}</p>}
          <table className="rules-table">
            <tbody>
              {rules.data?.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.tag}</th>
                  <td>{r.language ? t(`language.${r.language as 'en' | 'vi' | 'th'}`) : t('themes.anyLanguage')}</td>
                  <td lang={r.language ?? undefined}>{r.keywords.join(', ')}</td>
                  <td className="row-actions">
                    <Button variant="ghost" onClick={() => setEditing(r)}>
                      {t('themes.editRule')}
                    </Button>
                    <Button variant="ghost" className="btn-danger" onClick={() => remove.mutate({ id: r.id })}>
                      {t('themes.deleteRule')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={t('themes.suggestions')}>
          <p className="muted small">{t('themes.suggestionsIntro')}</p>
          {suggestions.isPending && <Loading label={t('common.loading')} />}
          {suggestions.data?.length === 0 &&
            (workspace.responseCount === 0 ? (
              <div className="empty" data-testid="suggestions-empty">
                <p>{t('themes.noSuggestionsEmpty')}</p>
                <p className="empty-actions">
                  <ImportAction />
                </p>
              </div>
            ) : (
              <p className="empty">{t('themes.noSuggestions')}</p>
            ))}
          <ul className="suggestions">
            {suggestions.data?.map((s) => (
              <li key={s.phrase}>
                <div>
                  <strong lang={s.language ?? undefined}>{s.phrase}</strong> <span className="muted small">{t.plural('themes.mentions', s.count)}</span>
                  <div className="muted small clamp" lang={s.language ?? undefined}>
                    “{s.example}”
                  </div>
                </div>
                <div className="row-actions">
                  <a className="btn btn-ghost" href={hrefFor('inbox', filterToSearchParams({ text: s.phrase }))}>
                    {t('themes.open')}
                  </a>
                  <Button variant="ghost" onClick={() => setEditing({ tag: s.phrase, language: (s.language as 'en' | 'vi' | 'th' | null) ?? null, keywords: [s.phrase] })}>
                    {t('themes.useSuggestion')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <LexiconEditor />
      </div>
    </div>
  )
}
