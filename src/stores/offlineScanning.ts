import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { areKeptForOffline, keepForOffline, organiserAssetUrls } from '@/services/offlineAssets'
import { hasNativeQrReader, qrDecoderWasmUrl } from '@/services/qrDecoderAssets'

/**
 * Whether this device can scan badges (and export) with no network. `ready`: what it needs is kept
 * — the bundled QR decoder, unless the browser reads QR codes itself (`native`); `waiting`: it will
 * be downloaded when the network is back; `failed`: the download failed (storage full, say), tried
 * again at the next start or reconnection; `notYet`: this device organises no event yet.
 */
export type OfflineScanning = 'checking' | 'notYet' | 'native' | 'ready' | 'waiting' | 'failed'

/**
 * What only organisers use (the QR decoder, about 1 MB; the export's code and fonts) is not part of
 * what every visitor downloads: a device keeps it as soon as it owns an event.
 */
export const useOfflineScanningStore = defineStore('offlineScanning', () => {
  const state = shallowRef<OfflineScanning>('checking')
  let preparing: Promise<void> | null = null
  let retryOnReconnect = false

  async function neededFiles(native: boolean): Promise<string[]> {
    // A development server writes no list: the decoder is what matters there.
    const listed = (await organiserAssetUrls()) ?? [new URL(qrDecoderWasmUrl, location.href).href]
    return native ? listed.filter((url) => !url.endsWith('.wasm')) : listed
  }

  async function run(): Promise<void> {
    const native = await hasNativeQrReader()
    const files = await neededFiles(native)
    const kept = (await areKeptForOffline(files)) || (navigator.onLine && (await keepForOffline(files)))
    state.value = kept ? (native ? 'native' : 'ready') : navigator.onLine ? 'failed' : 'waiting'
    if (!kept && !retryOnReconnect) {
      retryOnReconnect = true
      window.addEventListener('online', () => void prepare(), { once: true })
    }
  }

  /** Keeps what this device needs offline; safe to call more than once (each start checks again). */
  function prepare(): Promise<void> {
    retryOnReconnect = false
    preparing ??= run()
      .catch((error: unknown) => {
        console.error(error)
        state.value = 'failed'
      })
      .finally(() => {
        preparing = null
      })
    return preparing
  }

  /** Reads the state without downloading anything: for a device that organises nothing yet. */
  async function check(): Promise<void> {
    if (state.value !== 'checking' || preparing) return
    const native = await hasNativeQrReader()
    const found: OfflineScanning = native ? 'native' : (await areKeptForOffline([qrDecoderWasmUrl])) ? 'ready' : 'notYet'
    // A preparation started meanwhile has the last word.
    if (state.value === 'checking' && !preparing) state.value = found
  }

  return { state, prepare, check }
})
