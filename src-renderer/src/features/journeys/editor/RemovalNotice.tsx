import { Button } from '../../../components/Button'
import { Notice } from '../../../components/Notice'
import { useI18n } from '../../../i18n/I18nProvider'

/** Says what was just removed, with Undo. */
export function RemovalNotice({ what, onUndo, onDismiss }: { what: string; onUndo: () => void; onDismiss: () => void }) {
  const { t } = useI18n()
  return (
    <div className="menu-notices">
      <Notice tone="info" onDismiss={onDismiss} dismissLabel={t('common.dismiss')}>
        {what}{' '}
        <Button onClick={onUndo}>{t('journey.undo')}</Button>
      </Notice>
    </div>
  )
}
