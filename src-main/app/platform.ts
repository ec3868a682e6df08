/** What differs between the desktop shell, the browser host and the CLI: native dialogs. */
export interface Platform {
  kind: 'desktop' | 'web' | 'cli'
  /** Present on the desktop only. Each returns null when the user cancels. */
  dialogs?: {
    chooseNewWorkspace(defaultName: string): Promise<string | null>
    chooseWorkspaceToOpen(): Promise<string | null>
    chooseCopyDestination(defaultName: string): Promise<string | null>
    chooseImportFile(): Promise<string | null>
  }
  /** The OS language list, used until the user chooses a language. */
  systemLocales(): string[]
}
