import { runCli } from './runCli'

// The `cxdesk` process (the bundle's entry): one run of the command line on stdout and stderr.

// `cxdesk metrics … | head` closes the pipe before everything is written: stop quietly, as other tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e
  process.exit(process.exitCode ?? 0)
})

let browserStarted = false
void runCli(process.argv.slice(2), { out: (text) => console.log(text), err: (text) => console.error(text), browserStarted: () => (browserStarted = true) }).then((code) => {
  process.exitCode = code
  // A report's browser is ended by the process's exit, once stdout and stderr are written (runCli.ts).
  if (browserStarted) process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
})
