import { useState } from 'react'
import { useI18n } from '../../../i18n/I18nProvider'
import { Button } from '../../../components/Button'
import { FileButton } from '../../../components/FileButton'
import { Notice } from '../../../components/Notice'
import { imageFileToDataUrl } from './imageFiles'

/** Choose, show and remove a picture kept in the workspace (downscaled to `maxSide` pixels first). */
export function ImagePicker({ label, removeLabel, value, maxSide, onChange, previewClass }: { label: string; removeLabel: string; value: string | null; maxSide: number; onChange: (dataUrl: string | null) => void; previewClass: string }) {
  const { t } = useI18n()
  const [failed, setFailed] = useState(false)
  return (
    <div className="field">
      <span>{label}</span>
      <div className="jm-form-row">
        {value && <img className={previewClass} src={value} alt="" />}
        <FileButton
          accept="image/*"
          label={t('common.chooseImage')}
          ariaLabel={label}
          onFile={async (file) => {
            try {
              onChange(await imageFileToDataUrl(file, maxSide))
              setFailed(false)
            } catch {
              setFailed(true)
            }
          }}
        />
        {value && (
          <Button variant="ghost" onClick={() => onChange(null)}>
            {removeLabel}
          </Button>
        )}
      </div>
      {failed && <Notice tone="error">{t('journey.image.failed')}</Notice>}
    </div>
  )
}
