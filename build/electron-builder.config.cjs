// electron-builder configuration, used by `npm run dist` on a machine with network access
// (it downloads Electron and the NSIS/AppImage tools, and rebuilds better-sqlite3 for Electron).
// Nothing here runs at `npm ci` time. Who publishes (maintainer, homepage, vendor) is set in
// build/publisher.json, the one place to change it.
const publisher = require('./publisher.json');

const placeholders = Object.entries(publisher).filter(
  ([k, v]) => k !== '//' && String(v).includes('.invalid'),
);
if (placeholders.length > 0 && !process.env.VITEST) {
  console.warn(
    `build/publisher.json still has placeholder values (${placeholders.map(([k]) => k).join(', ')}): ` +
      "set the studio's real maintainer contact and homepage before shipping an installer.",
  );
}

/**
 * What a Linux package needs beyond Electron's own libraries: the CJK fonts the printed
 * documents use (a bundled fallback exists, but the system's faces print better) and Electron's
 * runtime libraries. Listing them replaces electron-builder's default list, so it is repeated.
 */
const DEB_DEPENDS = [
  'libgtk-3-0',
  'libnotify4',
  'libnss3',
  'libxss1',
  'libxtst6',
  'xdg-utils',
  'libatspi2.0-0',
  'libuuid1',
  'libsecret-1-0',
  'libgbm1',
  'libasound2 | libasound2t64',
  'fonts-noto-cjk',
];

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.jiyang.sunward',
  productName: '向阳',
  executableName: 'sunward',
  copyright: publisher.copyright,
  directories: { output: 'dist', buildResources: 'build' },

  // Main and preload bundle everything but their npm dependencies, which electron-builder
  // copies from node_modules on its own; the source tree itself is not shipped. The
  // migrations go inside the archive, not beside it: they run with the database key, so they
  // must be covered by the asar integrity check like the code that runs them.
  files: ['out/**', 'package.json', 'db/migrations/**/*.sql', 'db/migrations/meta/_journal.json'],
  asar: true,
  // A native module cannot be loaded from inside the archive.
  asarUnpack: ['node_modules/better-sqlite3/**'],
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
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder expands these macros itself
    artifactName: 'sunward-${version}-win-${arch}-setup.${ext}',
  },
  nsis: {
    // Into Program Files, for every user: a per-user install lands in a folder the user can
    // write, where a changed app.asar would defeat the integrity check's point.
    perMachine: true,
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
    maintainer: publisher.maintainer,
    vendor: publisher.vendor,
    // Window ↔ launcher association on Linux goes by WM_CLASS, which cannot be 向阳 (not ASCII):
    // Electron takes it from package.json desktopName (set below), and this names the .desktop file to match.
    syncDesktopName: true,
    desktop: { entry: { Name: '向阳', 'Name[zh_CN]': '向阳', Comment: '未成年人保护案件管理' } },
  },
  deb: {
    depends: DEB_DEPENDS,
    // UOS and Kylin ship an older dpkg that cannot read zstd-compressed packages.
    compression: 'xz',
  },
  extraMetadata: {
    // deb's Homepage field.
    homepage: publisher.homepage,
    desktopName: 'sunward.desktop',
  },
};
