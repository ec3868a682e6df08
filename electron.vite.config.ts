import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
// What each part was built from, so that "is it built?" has an exact answer (src-main/launcher/buildInputs.cjs).
import { recordInputs } from './src-main/launcher/buildInputs.cjs'

export default defineConfig({
  main: {
    plugins: [recordInputs('main')],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          // Imports run in a worker thread with its own SQLite connection (src-main/import/worker).
          importWorker: resolve(__dirname, 'src-main/import/worker/importWorker.ts'),
          // …which has the file read and mapped by a thread of its own while it writes.
          readerWorker: resolve(__dirname, 'src-main/import/worker/readerWorker.ts'),
          // The score summaries are folded and rebuilt in a worker thread (metrics/rollups/worker).
          rollupWorker: resolve(__dirname, 'src-main/metrics/rollups/worker/rollupWorker.ts'),
          // A large workspace's open-time work (check, backup, migrations, re-score) runs in a worker thread (workspace/opening).
          openWorker: resolve(__dirname, 'src-main/workspace/opening/openWorker.ts'),
          // The WAL's checkpoints while the survey server collects, off the serving thread (collection/checkpoint).
          checkpointWorker: resolve(__dirname, 'src-main/collection/checkpoint/checkpointWorker.ts'),
          // The customers' risk pass (every response, the model's fit) on a large workspace (customers/riskWorker).
          riskWorker: resolve(__dirname, 'src-main/customers/riskWorker.ts'),
          // A large CSV export's reader threads, each formatting a range of the rows (export/exportThreads.ts).
          exportWorker: resolve(__dirname, 'src-main/export/exportWorker.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [recordInputs('preload')],
    build: {
      // A sandboxed preload cannot require packages at run time: bundle everything into it.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified: every window and every printed report parses and compiles this script (a print page
      // starts with an empty code cache), and unminified it was 2.1 MB.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-renderer/index.html'),
          // The report's print page: only the report document, for Electron's printToPDF and the headless printer.
          print: resolve(__dirname, 'src-renderer/print.html'),
          // The survey page people answer in the shop, served by the collection server (src-main/collection).
          kiosk: resolve(__dirname, 'src-renderer/kiosk.html'),
        },
      },
    },
    plugins: [react(), recordInputs('renderer', ['src-renderer/index.html', 'src-renderer/print.html', 'src-renderer/kiosk.html'])],
  },
})
