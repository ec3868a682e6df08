/** Types of buildInputs.cjs, for electron.vite.config.ts and the tests. */
import type { Plugin } from 'vite'
export type BuildPart = 'main' | 'preload' | 'renderer'
export declare const PARTS: BuildPart[]
export declare function recordInputs(part: BuildPart, extra?: readonly string[], base?: string): Plugin
export declare function partIsStale(part: BuildPart, base?: string): boolean
export declare function manifestPath(part: BuildPart, base?: string): string
