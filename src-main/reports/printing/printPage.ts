/**
 * The print entry's address beside the app's page: the renderer's print.html (only the report
 * document's code, see src-renderer/src/print-main.tsx) in the same folder, with the same query
 * (the web host's token) and the report's route as its hash.
 *   app://cxdesk/index.html            → app://cxdesk/print.html#/report-print?job=…
 *   http://127.0.0.1:5000/?token=…     → http://127.0.0.1:5000/print.html?token=…#/report-print?job=…
 */
export function printPageUrl(appUrl: string, route = ''): string {
  const url = new URL(appUrl)
  url.pathname = url.pathname.replace(/[^/]*$/, 'print.html')
  url.hash = route
  return url.toString()
}

/** The same address without its hash: a page already at it can take a new job by a change of hash alone. */
export const withoutHash = (url: string): string => url.replace(/#.*$/, '')
