// electron-builder configuration, used by `npm run dist` on a machine with network access
// (it downloads Electron and the NSIS/AppImage tools, and rebuilds better-sqlite3 for Electron).
// Nothing here runs at `npm ci` time.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.jiyang.sunward',
  productName: '向阳',
  executableName: 'sunward',
  copyright: 'Copyright © 济南市济阳区人民检察院',
  directories: { output: 'dist', buildResources: 'build' },

  // Main and preload bundle everything but their npm dependencies, which electron-builder
  // copies from node_modules on its own; the source tree itself is not shipped.
  files: ['out/**', 'package.json'],
  asar: true,
  // A native module cannot be loaded from inside the archive.
  asarUnpack: ['node_modules/better-sqlite3/**'],
  // Read by the main process from process.resourcesPath/migrations at every start.
  extraResources: [{ from: 'db/migrations', to: 'migrations', filter: ['**/*'] }],
  npmRebuild: true,
  // No auto-update: the app never contacts a server, so there is nothing to publish to.
  publish: null,
  // Chromium's UI strings; the app's own are in its catalog.
  electronLanguages: ['zh-CN', 'en-US'],

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

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder expands these macros itself
    artifactName: 'sunward-${version}-win-${arch}-setup.${ext}',
  },
  nsis: {
    oneClick: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    // LCID 2052 = Chinese (Simplified, PRC)
    language: '2052',
    shortcutName: '向阳',
    uninstallDisplayName: '向阳',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    // The data folder holds the studio's records: an uninstall must never delete it.
    deleteAppDataOnUninstall: false,
  },

  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    category: 'Office',
    synopsis: '同心向阳工作室 未成年人保护案件管理',
    description: '向阳：济阳区人民检察院同心向阳工作室的离线案件管理软件，数据加密保存在本机。',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder expands these macros itself
    artifactName: 'sunward-${version}-linux-${arch}.${ext}',
    // deb requires a maintainer and a homepage. TODO(lead): replace with the studio's real contact.
    maintainer: 'Sunward <sunward@jiyang.invalid>',
    vendor: '济南市济阳区人民检察院',
    // Window ↔ launcher association on Linux goes by WM_CLASS, which cannot be 向阳 (not ASCII):
    // Electron takes it from package.json desktopName (set below), and this names the .desktop file to match.
    syncDesktopName: true,
    desktop: { entry: { Name: '向阳', 'Name[zh_CN]': '向阳', Comment: '未成年人保护案件管理' } },
  },
  deb: {
    // UOS and Kylin ship an older dpkg that cannot read zstd-compressed packages.
    compression: 'xz',
  },
  extraMetadata: {
    // deb's Homepage field; see the maintainer note above.
    homepage: 'https://sunward.jiyang.invalid/',
    desktopName: 'sunward.desktop',
  },
};
