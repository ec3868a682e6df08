// The launchers' (ESM) view of build.cjs: (re)build the app with electron-vite when a part it needs is stale (buildInputs.cjs).
export { root, buildIsStale, ensureBuilt } from './build.cjs'
