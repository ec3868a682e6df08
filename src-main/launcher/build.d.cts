/** Types of build.cjs, for the TypeScript that requires it (cxdesk report, the bench). */
export declare const root: string
export declare function buildIsStale(): boolean
export declare function ensureBuilt(): void
