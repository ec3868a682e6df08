/** Types of build.cjs, for the TypeScript that requires it (cxdesk report, the bench). */
export type BuildPart = 'main' | 'preload' | 'renderer'
export declare const root: string
export declare function buildIsStale(parts?: readonly BuildPart[]): boolean
export declare function ensureBuilt(parts?: readonly BuildPart[]): void
