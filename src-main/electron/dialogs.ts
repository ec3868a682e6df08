import { BrowserWindow, Notification, app, dialog } from 'electron'
import { join } from 'node:path'
import type { Platform } from '../common/platform'

const workspaceFilter = { name: 'CX Desk workspace', extensions: ['cxdesk'] }

export function desktopPlatform(workspacesDir: string): Platform {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const save = async (defaultName: string) => {
    const r = await dialog.showSaveDialog(parent(), { defaultPath: join(workspacesDir, defaultName), filters: [workspaceFilter] })
    return r.canceled || !r.filePath ? null : r.filePath
  }
  return {
    kind: 'desktop',
    systemLocales: () => app.getPreferredSystemLanguages(),
    notify(title, body) {
      if (!Notification.isSupported()) return false
      new Notification({ title, body }).show()
      return true
    },
    dialogs: {
      chooseNewWorkspace: save,
      chooseCopyDestination: save,
      async chooseWorkspaceToOpen() {
        const r = await dialog.showOpenDialog(parent(), { defaultPath: workspacesDir, filters: [workspaceFilter], properties: ['openFile'] })
        return r.canceled ? null : (r.filePaths[0] ?? null)
      },
      async chooseReportDestination(defaultName) {
        const r = await dialog.showSaveDialog(parent(), { defaultPath: join(app.getPath('documents'), defaultName), filters: [{ name: 'PDF', extensions: ['pdf'] }] })
        return r.canceled || !r.filePath ? null : r.filePath
      },
      async chooseExportDestination(defaultName, format) {
        const filter = format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel', extensions: ['xlsx'] }
        const r = await dialog.showSaveDialog(parent(), { defaultPath: join(app.getPath('documents'), defaultName), filters: [filter] })
        return r.canceled || !r.filePath ? null : r.filePath
      },
      async chooseExportFolder() {
        const r = await dialog.showOpenDialog(parent(), { defaultPath: app.getPath('documents'), properties: ['openDirectory', 'createDirectory'] })
        return r.canceled ? null : (r.filePaths[0] ?? null)
      },
      async chooseImportFile() {
        const r = await dialog.showOpenDialog(parent(), {
          filters: [{ name: 'CSV, text or Excel', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }],
          properties: ['openFile'],
        })
        return r.canceled ? null : (r.filePaths[0] ?? null)
      },
    },
  }
}
