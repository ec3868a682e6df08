import { hrefFor } from '../platform/router'
import { useI18n } from '../i18n/I18nProvider'

/** The action of an empty state whose data comes from a file: "Import a CSV…", a link to the import page. */
export function ImportAction({ variant = 'primary' }: { variant?: 'primary' | 'secondary' }) {
  const { t } = useI18n()
  return (
    <a className={`btn btn-${variant}`} href={hrefFor('import')} data-testid="empty-import">
      {t('empty.importCsv')}
    </a>
  )
}
