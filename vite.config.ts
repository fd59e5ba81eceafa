import { readdirSync, realpathSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import vueI18n from '@intlify/unplugin-vue-i18n/vite'
import { searchForWorkspaceRoot, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { defineConfig } from 'vitest/config'
import { organiserAssetsCacheName } from './src/services/organiserAssetsCache.ts'

const themeColour = '#0b5d4b'

/**
 * Files only an organiser's device needs (the QR decoder's WebAssembly, the export's worker, PDF
 * code and fonts): left out of the precache every visitor downloads, listed in
 * `organiser-assets.json`, kept by organisers' devices (src/stores/offlineScanning.ts) in a cache the
 * service worker serves first.
 */
const organiserOnly = {
  // A literal: the service worker's route is this very expression, serialised into sw.js.
  pattern: /(\.(wasm|ttf|otf)|(^|\/)organiser-[^/]*\.js|\.worker-[^/]*\.js)$/,
  globs: ['**/*.wasm', '**/*.ttf', '**/*.otf', '**/organiser-*.js', '**/*.worker-*.js'],
  list: 'organiser-assets.json',
}

function filesUnder(directory: URL, prefix = ''): string[] {
  let entries
  try {
    entries = readdirSync(directory, { withFileTypes: true })
  } catch {
    return []
  }
  return entries.flatMap((entry) =>
    entry.isDirectory() ? filesUnder(new URL(`${entry.name}/`, directory), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  )
}

/** Writes the list of organiser-only files of this build. */
function organiserAssetsList(): Plugin {
  return {
    name: 'photowalk-organiser-assets',
    apply: 'build',
    generateBundle(_options, bundle) {
      const publicFiles = filesUnder(new URL('./public/', import.meta.url))
      const files = [...new Set([...Object.keys(bundle), ...publicFiles])].filter((file) => organiserOnly.pattern.test(file)).sort()
      this.emitFile({ type: 'asset', fileName: organiserOnly.list, source: `${JSON.stringify(files, null, 1)}\n` })
    },
  }
}

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0'),
    // Compile-time feature flags: the app uses the Composition API only and ships no devtools hooks.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  plugins: [
    vue(),
    organiserAssetsList(),
    vueI18n({
      include: [fileURLToPath(new URL('./src/app/locales/**/*.json', import.meta.url))],
      // Messages are compiled at build time, so the runtime ships without the message compiler.
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: false,
    }),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Photowalk',
        short_name: 'Photowalk',
        description: 'Organiser une journée photowalk : itinéraire, pointage, consentements, compteur de publications.',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: themeColour,
        background_color: '#ffffff',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // What every visitor needs; organisers' devices keep the rest themselves (organiserOnly).
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        globIgnores: ['**/node_modules/**', ...organiserOnly.globs],
        runtimeCaching: [
          {
            urlPattern: organiserOnly.pattern,
            handler: 'CacheFirst',
            options: { cacheName: organiserAssetsCacheName, expiration: { maxEntries: 60 } },
          },
        ],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // The consent export's worker is an ES module, like the app.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    manifest: true,
    sourcemap: false,
  },
  // A checkout whose node_modules links to another one's: modules served from there too (happy-dom tests).
  server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync(fileURLToPath(new URL('./node_modules', import.meta.url)))] } },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
  },
})
