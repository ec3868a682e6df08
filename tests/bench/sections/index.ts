import type { BenchSection } from '../harness'
import { foundation } from './foundation'
import { metrics } from './metrics'

/** Every bench section, in the order they run. Each area adds its own file and one line here. */
export const sections: BenchSection[] = [foundation, metrics]
