import type { JourneySummary } from '../../../../../src-shared/api/journeys'
import type { MapInfo } from '../../../../../src-shared/domain/journeys/model'

/**
 * The map's other version: a to-be map names its as-is base; an as-is map is named as the base of
 * its to-be map, found in the list (null until the list is loaded, or when there is none).
 */
export function otherVersionId(map: Pick<MapInfo, 'id' | 'kind' | 'baseId'>, maps: ReadonlyArray<Pick<JourneySummary, 'id' | 'baseId'>> | undefined): string | null {
  if (map.kind === 'to_be') return map.baseId
  return maps?.find((m) => m.baseId === map.id)?.id ?? null
}
