import { useState } from 'react'
import type { Survey, SurveyLink } from '../../../../src-shared/api/collection'
import { linkKinds, type LinkKind } from '../../../../src-shared/domain/collection'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Modal } from '../../components/Modal'
import { Notice } from '../../components/Notice'
import { QrCode } from './QrCode'

/** A survey's links: kind, location, open or revoked (with undo), QR code; and a new one. */
export function SurveyLinks({ survey }: { survey: Survey }) {
  const { t } = useI18n()
  const revoke = useApiMutation('collection.revokeLink')
  const add = useApiMutation('collection.addLink')
  const [kind, setKind] = useState<LinkKind>('qr')
  const [location, setLocation] = useState('')
  const [revoked, setRevoked] = useState<SurveyLink | null>(null)
  const [qrFor, setQrFor] = useState<SurveyLink | null>(null)
  return (
    <section className="survey-links" aria-labelledby="links-title">
      <h3 id="links-title">{t('collection.links.title')}</h3>
      <p className="muted">{t('collection.links.hint')}</p>
      {revoked && (
        <Notice onDismiss={() => setRevoked(null)} dismissLabel={t('collection.alert.dismiss')}>
          {t('collection.links.revokedNotice')}{' '}
          <Button variant="ghost" onClick={() => revoke.mutate({ linkId: revoked.id, revoked: false }, { onSuccess: () => setRevoked(null) })}>
            {t('collection.links.undo')}
          </Button>
        </Notice>
      )}
      <ul className="link-list">
        {survey.links.map((l) => (
          <li key={l.id} className={l.revokedAt ? 'link-revoked' : undefined} data-testid="survey-link">
            <span className="link-kind">{t(`collection.links.kind.${l.kind}`)}</span>
            <span>{l.location ?? t('collection.links.anyLocation')}</span>
            <code className="link-token">/s/{l.token}</code>
            <span className={l.revokedAt ? 'badge badge-muted' : 'badge'}>{l.revokedAt ? t('collection.links.revoked') : t('collection.links.active')}</span>
            {l.revokedAt ? (
              <Button variant="ghost" onClick={() => revoke.mutate({ linkId: l.id, revoked: false })}>
                {t('collection.links.restore')}
              </Button>
            ) : (
              <>
                <Button onClick={() => setQrFor(l)}>{t('collection.links.showQr')}</Button>
                <Button variant="danger" onClick={() => revoke.mutate({ linkId: l.id, revoked: true }, { onSuccess: () => setRevoked(l) })}>
                  {t('collection.links.revoke')}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form
        className="link-add"
        onSubmit={(e) => {
          e.preventDefault()
          add.mutate({ surveyId: survey.id, kind, location: location.trim() || undefined }, { onSuccess: () => setLocation('') })
        }}
      >
        <label className="field">
          <span>{t('collection.links.addKind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as LinkKind)}>
            {linkKinds.map((k) => (
              <option key={k} value={k}>
                {t(`collection.links.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('collection.links.addLocation')}</span>
          <input value={location} maxLength={200} onChange={(e) => setLocation(e.target.value)} placeholder={survey.location ?? ''} />
        </label>
        <Button type="submit" disabled={add.isPending}>
          {t('collection.links.add')}
        </Button>
      </form>
      {(revoke.error || add.error) && <ErrorNotice error={revoke.error ?? add.error} />}
      <Modal title={t('collection.qr.title', { name: survey.name })} open={qrFor !== null} onClose={() => setQrFor(null)}>
        {qrFor && <QrPanel link={qrFor} onClose={() => setQrFor(null)} />}
      </Modal>
    </section>
  )
}

function QrPanel({ link, onClose }: { link: SurveyLink; onClose: () => void }) {
  const { t } = useI18n()
  const status = useApiQuery('collection.status', {})
  const qr = useApiQuery('collection.qr', { linkId: link.id }, { enabled: status.data?.running === true })
  return (
    <div className="qr-panel">
      {status.data && !status.data.running && <p>{t('collection.qr.startFirst')}</p>}
      {qr.data && (
        <figure>
          <QrCode modules={qr.data.modules} label={t('collection.qr.alt', { url: qr.data.url })} />
          <figcaption>
            <strong>{t('collection.qr.scan')}</strong>
            <br />
            <code data-testid="qr-url">{qr.data.url}</code>
          </figcaption>
        </figure>
      )}
      {qr.error && <ErrorNotice error={qr.error} />}
      <Button onClick={onClose}>{t('collection.qr.close')}</Button>
    </div>
  )
}
