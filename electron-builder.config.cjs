// Installers for `npm run dist` (scripts/dist.mjs). The app ships only its bundles: main and
// preload are single files with their dependencies inside, the renderer is static files, so no
// node_modules goes into app.asar.

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.roadmapplanner.app',
  productName: 'Roadmap Planner',
  // Pinned to the devDependency: the binary that is tested is the binary that ships.
  electronVersion: '45.5.0',
  directories: { buildResources: 'build', output: 'release' },
  files: [
    'dist/electron/**',
    'dist/renderer/**',
    'package.json',
    '!**/*.map',
    '!node_modules/**',
  ],
  asar: true,
  // Nothing native to rebuild; skipping the step keeps packaging from needing a compiler.
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    // The app is served from app://, never file://, so file pages need no extra powers.
    grantFileProtocolExtraPrivileges: false,
    // Flipping fuses breaks the signature of an already (ad hoc) signed macOS binary; a build
    // without a Developer ID (CI) would then not start on Apple silicon. Re-signing ad hoc
    // repairs that, and a real signature made afterwards replaces it.
    resetAdHocDarwinSignature: true,
  },
  win: {
    target: ['nsis'],
    icon: 'build/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.education',
    icon: 'build/icon.png',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    icon: 'build/icon.png',
    executableName: 'roadmap-planner',
    synopsis: 'Pilot-to-scale roadmaps for blended and personalized learning',
    // package.json's author has no e-mail address, which Debian packages otherwise require.
    maintainer: 'Roadmap Planner team',
  },
};
