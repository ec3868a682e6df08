// The launchers' (ESM) view of build.cjs: (re)build the app with electron-vite when the sources are newer than the output.
export { root, buildIsStale, ensureBuilt } from './build.cjs'
