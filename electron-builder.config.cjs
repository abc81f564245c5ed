// Packaging with electron-builder: `npm run dist` (needs internet for the Electron download).
// The app ships the bundled shell and renderer (build/), the default content (data/, outside
// the asar so it stays readable text), and better-sqlite3, whose Node-API binary loads in
// Electron as it is: nothing is rebuilt. The browser harness and the CLI are not packaged.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.strategyworkbench.app',
  productName: 'Strategy Workbench',
  directories: { output: 'release' },
  files: [
    'build/electron/**',
    'build/renderer/**',
    'package.json',
    '!**/*.map',
    // The map font: only the WOFF files of the regular weight (SVG/PNG outlines, PDF text) and
    // the bold one (PDF headings) are read.
    '!node_modules/@fontsource/noto-sans-sc/{scss,*.css}',
    '!node_modules/@fontsource/noto-sans-sc/files/*-{100,200,300,500,600,800,900}-*',
    '!node_modules/@fontsource/noto-sans-sc/files/*.woff2',
  ],
  extraResources: [{ from: 'data', to: 'data', filter: ['migrations/**', 'seed/**'] }],
  asar: true,
  asarUnpack: ['**/*.node'],
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
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
  fileAssociations: [{ ext: 'swb', name: 'Strategy Workbench workspace', role: 'Editor', mimeType: 'application/x-strategy-workbench' }],
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'Strategy Workbench team' },
  deb: { depends: ['libnss3', 'libgtk-3-0'] },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.business', hardenedRuntime: true },
};
