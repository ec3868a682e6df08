import { useState } from 'react'
import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { safeFileName, saveBlob } from '../../../platform/saveFile'
import { renderMapPng, type PngOptions } from '../export/renderMapPng'

/** Export PNG: draws the map on a canvas and downloads it under the map's name; a failure is kept to be shown. */
export function usePngExport() {
  const [exporting, setExporting] = useState(false)
  const [exportError, setExportError] = useState<unknown>(null)
  const exportPng = async (doc: JourneyDoc, options: PngOptions) => {
    setExporting(true)
    setExportError(null)
    try {
      const blob = await renderMapPng(doc, options)
      saveBlob(blob, `${safeFileName(doc.map.name, 'journey')}.png`)
    } catch (e) {
      setExportError(e)
    } finally {
      setExporting(false)
    }
  }
  return { exporting, exportError, exportPng, dismissExportError: () => setExportError(null) }
}
