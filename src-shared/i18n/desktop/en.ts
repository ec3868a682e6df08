/** Messages the desktop shell shows itself, in native dialogs (the main process, not the page). */
export const desktopEn = {
  'external.title': 'Open this address in your browser?',
  'external.detail': 'CX Desk is about to open this address in your web browser:\n\n{url}\n\nOpen it only if you expected it and trust it.',
  'external.open': 'Open in browser',
}
