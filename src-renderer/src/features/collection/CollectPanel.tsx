import { useEffect, useMemo, useState } from 'react'
import { useApiMutation, useApiQuery, useAppEvent } from '../../api/hooks'
import { useI18n } from '../../i18n/I18nProvider'
import { Button } from '../../components/Button'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useQueryClient } from '@tanstack/react-query'

/** Start and stop the shop's survey server: which network, which port; off by default. */
export function CollectPanel() {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const status = useApiQuery('collection.status', {})
  const interfaces = useApiQuery('collection.interfaces', {})
  const start = useApiMutation('collection.start')
  const stop = useApiMutation('collection.stop')
  const [host, setHost] = useState('')
  const [port, setPort] = useState('0')
  useAppEvent('collection.status', () => void queryClient.invalidateQueries({ queryKey: ['collection.status'] }))
  const list = useMemo(() => interfaces.data?.interfaces ?? [], [interfaces.data])
  useEffect(() => {
    if (!host && list.length) setHost(list[0].address)
  }, [host, list])
  const s = status.data
  const portNumber = Number(port)
  const portOk = /^\d{1,5}$/.test(port) && portNumber <= 65_535
  return (
    <section className="collect-panel" aria-labelledby="collect-title" data-testid="collect-panel">
      <h3 id="collect-title">{t('collection.server.title')}</h3>
      {s?.running ? (
        <div className="collect-on">
          <p role="status">
            <strong>{t('collection.server.on', { address: s.baseUrl ?? '' })}</strong> · {t.plural('collection.server.answers', s.answers)}
          </p>
          <Button variant="danger" onClick={() => stop.mutate({})} disabled={stop.isPending}>
            {t('collection.server.stop')}
          </Button>
        </div>
      ) : (
        <form
          className="collect-off"
          onSubmit={(e) => {
            e.preventDefault()
            if (host && portOk) start.mutate({ host, port: portNumber })
          }}
        >
          <p className="muted">{t('collection.server.off')}</p>
          {list.length === 0 && interfaces.data && <p className="field-error">{t('collection.server.noInterface')}</p>}
          <label className="field">
            <span>{t('collection.server.interface')}</span>
            <select value={host} onChange={(e) => setHost(e.target.value)}>
              {list.map((a) => (
                <option key={`${a.name}-${a.address}`} value={a.address}>
                  {a.loopback ? t('collection.server.loopback', { address: a.address }) : `${a.address} (${a.name})`}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-port">
            <span>{t('collection.server.port')}</span>
            <input inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value.trim())} aria-invalid={!portOk} aria-describedby="port-hint" />
            <small id="port-hint" className="muted">
              {t('collection.server.portHint')}
            </small>
          </label>
          <Button type="submit" variant="primary" disabled={!host || !portOk || start.isPending}>
            {start.isPending ? t('collection.server.starting') : t('collection.server.start')}
          </Button>
        </form>
      )}
      {start.error && <ErrorNotice error={start.error} onDismiss={() => start.reset()} />}
    </section>
  )
}
