// Installers for Windows, macOS and Linux: `npm run dist`. Not exercised on the build machines
// (they cannot download Electron); see the README's packaging notes.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.cxdesk.desktop',
  productName: 'CX Desk',
  directories: { output: 'dist', buildResources: 'resources' },
  files: [
    'out/**',
    'package.json',
    'resources/icon.png',
    '!**/*.map',
    // The CLI's TypeScript runner is not part of the desktop app.
    '!node_modules/tsx/**',
    '!node_modules/esbuild/**',
    '!node_modules/@esbuild/**',
  ],
  asar: true,
  // Native modules cannot be loaded from inside the asar archive.
  asarUnpack: ['**/node_modules/better-sqlite3/**', '**/*.node'],
  // Rebuild better-sqlite3 against the packaged Electron's ABI.
  npmRebuild: true,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  fileAssociations: [{ ext: 'cxdesk', name: 'CX Desk workspace', description: 'CX Desk workspace', role: 'Editor', icon: 'resources/icon' }],
  win: { target: ['nsis'], icon: 'resources/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.business', icon: 'resources/icon.png', hardenedRuntime: true },
  linux: { target: ['AppImage', 'deb'], category: 'Office', icon: 'resources/icon.png', synopsis: 'Customer experience management, offline' },
}
