import type { JourneyDoc } from '../../../../../src-shared/domain/journeys/model'
import { useApiQuery } from '../../../api/hooks'
import { otherVersionId } from './versions'

/** The map's other version (as-is ↔ to-be): its id for the links, and its document when comparing side by side. */
export function useOtherVersion(doc: JourneyDoc, compare: boolean) {
  const list = useApiQuery('journeys.list', {})
  const otherId = otherVersionId(doc.map, list.data?.maps)
  const other = useApiQuery('journeys.get', { id: otherId ?? 'none0000' }, { enabled: compare && !!otherId })
  const otherDoc = compare && other.data ? other.data.doc : null
  return { otherId, otherDoc, listLoaded: list.data !== undefined }
}
