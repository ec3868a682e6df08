import type { PageProps } from '../../platform/pageProps'
import { JourneyEditor } from './editor/JourneyEditor'
import { JourneyList } from './list/JourneyList'
import './journey.css'

/** #/journeys lists the maps; #/journeys?map=<id> opens one in the editor (&compare=1 beside its other version). */
export function JourneysPage({ workspace, params }: PageProps) {
  const id = params.get('map')
  // Keyed by workspace too: opening another workspace never leaves an editor saving into it.
  if (id) return <JourneyEditor key={`${workspace.path}\u0000${id}`} id={id} workspace={workspace} compare={params.get('compare') === '1'} />
  return <JourneyList workspace={workspace} />
}
