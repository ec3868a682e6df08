/** Stages of printing a page to PDF, reported as they begin. */
export type PrintStage = 'starting' | 'rendering' | 'printing'

/** A page of the app to print: its hash route (e.g. #/report-print?job=…), which lays itself out and says when it is ready. */
export interface PdfPrintRequest {
  route: string
  signal?: AbortSignal
  onStage?: (stage: PrintStage) => void
}

/** What differs between the desktop shell, the browser host and the CLI: native dialogs, printing. */
export interface Platform {
  kind: 'desktop' | 'web' | 'cli'
  /** Present on the desktop only. Each returns null when the user cancels. */
  dialogs?: {
    chooseNewWorkspace(defaultName: string): Promise<string | null>
    chooseWorkspaceToOpen(): Promise<string | null>
    chooseCopyDestination(defaultName: string): Promise<string | null>
    chooseImportFile(): Promise<string | null>
    chooseReportDestination(defaultName: string): Promise<string | null>
    /** A CSV or XLSX file to export to. */
    chooseExportDestination(defaultName: string, format: 'csv' | 'xlsx'): Promise<string | null>
    /** A folder for a whole workspace exported as CSV files (one per table). */
    chooseExportFolder(): Promise<string | null>
  }
  /**
   * Prints a page of the app to PDF: Electron's printToPDF on the desktop, a headless Chromium-family
   * browser against the host for the browser and the CLI. Absent: reports cannot be printed here.
   */
  printToPdf?(req: PdfPrintRequest): Promise<Buffer>
  /** The built renderer's folder, which holds the kiosk page the collection server serves; absent: no collection here. */
  rendererDir?: string
  /** Shows a desktop notification (Electron's Notification on the desktop); false when the system has none. Absent elsewhere. */
  notify?(title: string, body: string): boolean
  /** The OS language list, used until the user chooses a language. */
  systemLocales(): string[]
}
