/** Types of cliBundle.cjs, for the tests and the bench that build and run the CLI bundle. */
export interface BundlePlace {
  /** The checkout whose sources are bundled. */
  root: string
  /** Where the bundle goes (out/cli). */
  outDir: string
}
export type BundleState = 'fresh' | 'missing' | 'stale' | 'released'
export declare const defaultPlace: BundlePlace
export declare const entryPoints: Record<'cxdesk' | 'importWorker' | 'readerWorker' | 'rollupWorker', string>
export declare function bundleState(place?: BundlePlace): BundleState
export declare function buildCli(place?: BundlePlace): void
export declare function ensureCliBundle(place?: BundlePlace): string
export declare function runBundle(entry: string, command: string | undefined): void
