import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import { hasNativeQrReader, qrDecoderWasmUrl } from './qrDecoderAssets'

export interface QrDecoder {
  /** The texts of the QR codes visible in a picture; empty when there is none. */
  decode(source: ImageData): Promise<string[]>
  engine: 'native' | 'bundled'
}

interface NativeBarcodeDetector {
  detect(source: ImageBitmapSource): Promise<Array<{ rawValue: string }>>
}
interface NativeBarcodeDetectorClass {
  new (options: { formats: string[] }): NativeBarcodeDetector
}

let bundledReady: Promise<unknown> | null = null

/**
 * The bundled decoder's WebAssembly comes from the app's own origin (and the service worker's
 * cache), never from the CDN the library would otherwise use: scanning works offline.
 */
function prepareBundled(): Promise<unknown> {
  bundledReady ??= Promise.resolve(
    prepareZXingModule({
      overrides: {
        locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(qrDecoderWasmUrl, location.href).href : prefix + path),
      },
      fireImmediately: true,
    }),
  )
  return bundledReady
}

/** The browser's own detector where it reads QR codes (Chrome on Android), else the bundled one. */
export async function createQrDecoder(scope: typeof globalThis = globalThis): Promise<QrDecoder> {
  const Native = (scope as unknown as { BarcodeDetector?: NativeBarcodeDetectorClass }).BarcodeDetector
  if (Native && (await hasNativeQrReader(scope))) {
    try {
      const detector = new Native({ formats: ['qr_code'] })
      return {
        engine: 'native',
        decode: async (source) => (await detector.detect(source)).map((code) => code.rawValue),
      }
    } catch {
      // Fall through to the bundled decoder.
    }
  }
  await prepareBundled()
  return {
    engine: 'bundled',
    decode: async (source) =>
      (await readBarcodes(source, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 }))
        .filter((result) => result.isValid)
        .map((result) => result.text),
  }
}
