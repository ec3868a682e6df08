import { filesPart } from './filesPart'
import { httpPart } from './httpPart'
import { killsPart } from './killsPart'
import type { RobustnessPart } from './part'

/** The parts of `npm run bench -- --only robustness`, in the order they run. Each part adds its own file and one line here. */
export const robustnessParts: RobustnessPart[] = [httpPart, filesPart, killsPart]
