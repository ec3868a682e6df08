import type { BenchSection } from '../harness'
import { foundation } from './foundation'
import { inbox } from './inbox'
import { metrics } from './metrics'
import { journeys } from './journeys'
import { reports } from './reports'

/** Every bench section, in the order they run. Each area adds its own file and one line here. */
export const sections: BenchSection[] = [foundation, inbox, metrics, journeys, reports]
