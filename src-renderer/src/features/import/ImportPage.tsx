import { useCallback, useState } from 'react'
import { ImportHistory } from './ImportHistory'
import type { ImportKind } from '../../../../src-shared/api/imports'
import type { PageProps } from '../../platform/pageProps'
import { hrefFor } from '../../platform/router'
import { useAppEvent } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Loading } from '../../components/Loading'
import { Notice } from '../../components/Notice'
import { MappingStep } from './MappingStep'
import { ImportProgress, RowErrors } from './ImportReport'
import { useImportJob } from './useImportJob'
import './import.css'

/** Import: choose a file, confirm the mapping with a preview, check it, then import the good rows — or cancel. */
export function ImportPage({ workspace }: PageProps) {
  const { t, fmt } = useI18n()
  const job = useImportJob()
  const [kind, setKind] = useState<ImportKind>('responses')
  const { state } = job
  // The desktop's File ▸ Import menu item lands here.
  useAppEvent(
    'app.command',
    useCallback(
      (c) => {
        if (c.command === 'import') void job.choose(kind)
      },
      [job, kind],
    ),
  )

  return (
    <div className="import-page">
      <Card title={t('import.title')}>
        {state.step === 'choose' && (
          <div className="import-choose">
            <p className="muted">{t('import.intro')}</p>
            <div className="segmented" role="radiogroup" aria-label={t('import.title')}>
              {(['responses', 'customers'] as const).map((k) => (
                <label key={k} className={kind === k ? 'active' : undefined}>
                  <input type="radio" name="import-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                  {t(k === 'responses' ? 'import.kindResponses' : 'import.kindCustomers')}
                </label>
              ))}
            </div>
            <Button variant="primary" onClick={() => void job.choose(kind)}>
              {t('import.choose')}
            </Button>
          </div>
        )}
        {state.step === 'reading' && <Loading label={t('import.inspecting', { file: state.fileName })} />}
        {state.step === 'mapping' && (
          <MappingStep
            key={`${state.inspection.encoding}-${state.inspection.delimiter}-${state.inspection.mapping.headerRows}-${state.inspection.mapping.sheet}`}
            inspection={state.inspection}
            timezone={workspace.timezone}
            onReinspect={(opts) => job.reinspect(state.inspection.mapping.kind, opts)}
            onRun={(mapping, dryRun, remember) => void job.run(state.inspection, mapping, dryRun, remember)}
            onCancel={job.reset}
          />
        )}
        {state.step === 'running' && (
          <ImportProgress
            label={t(state.dryRun ? 'import.checking' : 'import.importing', { file: state.inspection.fileName, percent: state.percent })}
            stage={state.stage}
            dryRun={state.dryRun}
            percent={state.percent}
            rows={state.rows}
            bytes={{ read: state.bytesRead, total: state.totalBytes }}
            onCancel={job.cancel}
          />
        )}
        {state.step === 'checked' && (
          <div className="import-report" data-testid="import-check">
            <p>
              <strong>{t.plural('import.checked', state.summary.rowsRead, { file: state.summary.fileName })}</strong>
            </p>
            <ul className="import-counts">
              <li>{t('import.willImport', { count: fmt.integer(state.summary.imported) })}</li>
              {state.summary.duplicates > 0 && <li>{t('import.alreadyThere', { count: fmt.integer(state.summary.duplicates) })}</li>}
              {state.summary.mergedBefore > 0 && <li>{t('import.mergedBefore', { count: fmt.integer(state.summary.mergedBefore) })}</li>}
              {(state.summary.erased ?? 0) > 0 && <li data-testid="import-erased">{t.plural('privacy.import.erased', state.summary.erased ?? 0)}</li>}
            </ul>
            <RowErrors summary={state.summary} />
            <div className="form-actions">
              <Button onClick={job.reset}>{t('import.cancel')}</Button>
              <Button onClick={() => job.setState({ step: 'mapping', inspection: { ...state.inspection, mapping: state.mapping } })}>{t('import.back')}</Button>
              <Button variant="primary" disabled={state.summary.imported === 0} onClick={() => void job.run(state.inspection, state.mapping, false, true)}>
                {t.plural(state.summary.rejected ? 'import.importGood' : 'import.importAll', state.summary.imported)}
              </Button>
            </div>
          </div>
        )}
        {state.step === 'done' && (
          <div className="import-report">
            <Notice tone={state.summary.rejected ? 'info' : 'success'}>
              <strong>
                {state.summary.kind === 'customers'
                  ? t('import.doneCustomers', { imported: t.plural('import.newCustomers', state.summary.imported), updated: t.plural('import.updatedCustomers', state.summary.duplicates), file: state.summary.fileName })
                  : t.plural('import.done', state.summary.imported, { file: state.summary.fileName })}
              </strong>
              {state.summary.kind === 'responses' && state.summary.duplicates > 0 && <div>{t('import.duplicates', { count: fmt.integer(state.summary.duplicates) })}</div>}
              {state.summary.mergedBefore > 0 && <div>{t('import.mergedBefore', { count: fmt.integer(state.summary.mergedBefore) })}</div>}
              {(state.summary.erased ?? 0) > 0 && <div data-testid="import-erased">{t.plural('privacy.import.erased', state.summary.erased ?? 0)}</div>}
            </Notice>
            <RowErrors summary={state.summary} />
            <div className="form-actions">
              <Button onClick={job.reset}>{t('import.startOver')}</Button>
              {state.summary.kind === 'responses' && (
                <a className="btn btn-primary" href={hrefFor('inbox')}>
                  {t('import.openInbox')}
                </a>
              )}
            </div>
          </div>
        )}
        {state.step === 'failed' && (
          <div className="import-report">
            {(state.error as { code?: string })?.code === 'CANCELLED' ? (
              <Notice>{t('import.cancelled')}</Notice>
            ) : (
              <>
                <p className="muted">{t('import.failed', { file: state.fileName })}</p>
                <ErrorNotice error={state.error} />
              </>
            )}
            <div className="form-actions">
              {state.inspection && <Button onClick={() => state.inspection && job.setState({ step: 'mapping', inspection: state.inspection })}>{t('import.back')}</Button>}
              <Button variant="primary" onClick={job.reset}>
                {t('import.startOver')}
              </Button>
            </div>
          </div>
        )}
      </Card>
      {state.step === 'choose' && <ImportHistory timezone={workspace.timezone} />}
    </div>
  )
}
