/**
 * The cache that holds what only an organiser's device needs offline (the bundled QR decoder's
 * WebAssembly, the fonts PDFs embed). It is shared with the service worker, which answers from it
 * first (see `runtimeCaching` in vite.config.ts): a participant who only opens a schedule link
 * never downloads these files.
 */
export const organiserAssetsCacheName = 'photowalk-organiser-assets'
