import { useState } from 'react'
import type { LexiconEntryDto } from '../../../../../src-shared/api/tags'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { useI18n } from '../../../i18n/I18nProvider'
import { LanguageOptions, type CommentLanguage } from './LanguageOptions'
import { Button } from '../../../components/Button'
import { Card } from '../../../components/Card'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Notice } from '../../../components/Notice'

type Lang = CommentLanguage

const toText = (entries: LexiconEntryDto[], kind: LexiconEntryDto['kind']) =>
  entries
    .filter((e) => e.kind === kind)
    .map((e) => (kind === 'negator' ? e.term : `${e.term} = ${e.weight}`))
    .join('\n')

/** Parses "word = weight" lines; returns the entries or the first bad line number. */
function parse(text: string, kind: LexiconEntryDto['kind']): LexiconEntryDto[] | number {
  const out: LexiconEntryDto[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line) continue
    if (kind === 'negator') {
      out.push({ term: line, kind, weight: -0.8 })
      continue
    }
    const m = /^(.+?)\s*=\s*(-?\d+(?:\.\d+)?)$/.exec(line)
    if (!m || Math.abs(Number(m[2])) > 5) return i + 1
    out.push({ term: m[1].trim(), kind, weight: Number(m[2]) })
  }
  return out
}

export function LexiconEditor() {
  const { t } = useI18n()
  const [language, setLanguage] = useState<Lang>('vi')
  const lexicon = useApiQuery('sentiment.lexicon', { language })
  return (
    <Card title={t('lexicon.title')} className="lexicon-card">
      <p className="muted small">{t('lexicon.intro')}</p>
      <label className="inline-field">
        {t('lexicon.language')}
        <select value={language} onChange={(e) => setLanguage(e.target.value as Lang)}>
            <LanguageOptions />
        </select>
      </label>
      {lexicon.data && <LexiconForm key={`${language}-${lexicon.dataUpdatedAt}`} language={language} entries={lexicon.data} />}
    </Card>
  )
}

function LexiconForm({ language, entries }: { language: Lang; entries: LexiconEntryDto[] }) {
  const { t } = useI18n()
  const save = useApiMutation('sentiment.saveLexicon')
  const [words, setWords] = useState(toText(entries, 'word'))
  const [negators, setNegators] = useState(toText(entries, 'negator'))
  const [intensifiers, setIntensifiers] = useState(toText(entries, 'intensifier'))
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  return (
    <form
      className="form lexicon-form"
      onSubmit={(e) => {
        e.preventDefault()
        setProblem(null)
        const parts = [parse(words, 'word'), parse(negators, 'negator'), parse(intensifiers, 'intensifier')]
        const bad = parts.find((p) => typeof p === 'number')
        if (typeof bad === 'number') return setProblem(t('lexicon.invalid', { line: bad }))
        save.mutate({ language, entries: parts.flat() as LexiconEntryDto[] }, { onSuccess: (r) => setDone(t.plural('lexicon.saved', r.rescored)) })
      }}
    >
      {problem && <Notice tone="error">{problem}</Notice>}
      {save.error && <ErrorNotice error={save.error} />}
      {done && <Notice tone="success">{done}</Notice>}
      <label className="field">
        <span>{t('lexicon.words')}</span>
        <textarea rows={8} lang={language} value={words} onChange={(e) => setWords(e.target.value)} />
      </label>
      <div className="form-grid">
        <label className="field">
          <span>{t('lexicon.negators')}</span>
          <textarea rows={4} lang={language} value={negators} onChange={(e) => setNegators(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('lexicon.intensifiers')}</span>
          <textarea rows={4} lang={language} value={intensifiers} onChange={(e) => setIntensifiers(e.target.value)} />
        </label>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {t('lexicon.save')}
        </Button>
      </div>
    </form>
  )
}
