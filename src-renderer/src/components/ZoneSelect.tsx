import { useMemo, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'

/** The zones most users here need, first in every list. */
const NEAR_TOP = ['Asia/Ho_Chi_Minh', 'Asia/Bangkok']

/** This computer's zone (what a workspace gets unless the user picks another). */
export const computerZone = (): string => {
  const z = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  return z === 'Asia/Saigon' ? 'Asia/Ho_Chi_Minh' : z
}

const allZones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [])

/** A searchable list of IANA zones: Vietnam's and Thailand's first, then this computer's, then the rest A–Z. */
export function ZoneSelect({ value, onChange, label, testId }: { value: string; onChange: (zone: string) => void; label: string; testId?: string }) {
  const { t } = useI18n()
  const [query, setQuery] = useState('')
  const here = computerZone()
  const ordered = useMemo(() => {
    const first = [...NEAR_TOP, here, value].filter((z, i, a) => a.indexOf(z) === i)
    return [...first, ...allZones().filter((z) => !first.includes(z))]
  }, [here, value])
  const q = query.trim().toLowerCase().replace(/\s+/g, '_')
  const shown = q ? ordered.filter((z) => z === value || z.toLowerCase().includes(q)) : ordered
  return (
    <div className="zone-select" data-testid={testId}>
      <input type="search" aria-label={t('zone.search')} placeholder={t('zone.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {shown.map((z) => (
          <option key={z} value={z}>
            {z === here ? t('zone.thisComputer', { zone: z }) : z}
          </option>
        ))}
      </select>
    </div>
  )
}
