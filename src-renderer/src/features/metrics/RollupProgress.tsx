import { useCallback, useState } from 'react'
import type { RollupProgress as Progress } from '../../../../src-shared/api/metrics'
import { useApi, useAppEvent } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'

/**
 * While the score summaries are folded (after a large import) or rebuilt (after a definition or
 * time zone change), how far along they are; the figures stay exact meanwhile.
 */
export function RollupProgress({ cancellable = false }: { cancellable?: boolean }) {
  const { t, fmt } = useI18n()
  const api = useApi()
  const [progress, setProgress] = useState<Progress | null>(null)
  useAppEvent(
    'metrics.rollups',
    useCallback((p: Progress) => setProgress(p.state === 'running' ? p : null), []),
  )
  if (!progress) return null
  const percent = progress.total ? Math.min(100, Math.round((100 * progress.done) / progress.total)) : 0
  return (
    <div className="progress rollup-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t(`rollups.phase.${progress.phase}`)}>
      <div className="progress-bar" style={{ width: `${percent}%` }} />
      <span className="progress-label">
        {t(`rollups.phase.${progress.phase}`)} {fmt.percentValue(percent, 0)}
        {cancellable && progress.kind === 'rebuild' && (
          <Button variant="ghost" onClick={() => void api.call('metrics.cancelRollups', {})}>
            {t('common.cancel')}
          </Button>
        )}
      </span>
    </div>
  )
}
