import { useState } from 'react'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { Modal } from '../../../components/Modal'
import { DateField } from '../../../components/DateField'
import { TimeField } from '../../../components/TimeField'
import { snoozeChoices, wallClockInstant } from './snoozeTimes'

/**
 * Snooze until a time the user picks (tomorrow or next Monday at 09:00, or a date and time), in the
 * workspace's zone; or end a snooze. The caller does it, with undo.
 */
export function SnoozeControl({ timezone, snoozedUntil, onSnooze }: { timezone: string; snoozedUntil: number | null; onSnooze(until: number | null): void }) {
  const { t, fmt } = useI18n()
  const [open, setOpen] = useState(false)
  const [choice, setChoice] = useState<'tomorrow' | 'monday' | 'at'>('tomorrow')
  // A date and a time of day in the app's language (a native datetime-local input would follow the
  // browser's locale: mm/dd/yyyy and AM/PM in a Vietnamese or Thai window).
  const [atDate, setAtDate] = useState('')
  const [atTime, setAtTime] = useState('09:00')
  const [error, setError] = useState(false)
  const now = Date.now()
  const choices = snoozeChoices(now, timezone)
  const until = choice === 'at' ? (atDate && atTime ? wallClockInstant(atDate, atTime, timezone) : null) : choices[choice]
  return (
    <>
      <span className="snooze-actions">
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('followUps.snooze')}
        </Button>
        {snoozedUntil !== null && snoozedUntil > now && (
          <Button variant="ghost" onClick={() => onSnooze(null)}>
            {t('followUps.wake')}
          </Button>
        )}
      </span>
      <Modal title={t('followUps.snoozeTitle')} open={open} onClose={() => setOpen(false)}>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            if (until === null || until <= Date.now()) return setError(true)
            setOpen(false)
            onSnooze(until)
          }}
        >
          <p className="muted small">{t('followUps.snoozeHelp')}</p>
          <fieldset className="snooze-choices">
            <legend className="sr-only">{t('followUps.snoozeTitle')}</legend>
            {(['tomorrow', 'monday'] as const).map((c) => (
              <label key={c} className="check">
                <input type="radio" name="snooze" checked={choice === c} onChange={() => (setChoice(c), setError(false))} />
                <span>
                  {t(c === 'tomorrow' ? 'followUps.snoozeTomorrow' : 'followUps.snoozeMonday')} <span className="muted">({fmt.dateTime(choices[c], timezone)})</span>
                </span>
              </label>
            ))}
            <label className="check">
              <input type="radio" name="snooze" checked={choice === 'at'} onChange={() => (setChoice('at'), setError(false))} />
              <span>{t('followUps.snoozeAt')}</span>
            </label>
            <span className="snooze-at">
              <DateField
                aria-label={t('followUps.snoozeDate')}
                value={atDate}
                onChange={(date) => {
                  setAtDate(date)
                  setChoice('at')
                  setError(false)
                }}
              />
              <TimeField
                aria-label={t('followUps.snoozeTime')}
                required
                value={atTime}
                onChange={(time) => {
                  setAtTime(time)
                  setChoice('at')
                  setError(false)
                }}
              />
            </span>
          </fieldset>
          {error && (
            <p className="error small" role="alert">
              {t('followUps.snoozePast')}
            </p>
          )}
          <div className="form-actions">
            <Button type="submit" variant="primary">
              {t('followUps.snoozeApply')}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  )
}
