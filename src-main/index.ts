// Composition root of the desktop app: everything Electron-specific lives in ./electron.
import { startDesktopApp } from './electron/desktopApp'

startDesktopApp()
