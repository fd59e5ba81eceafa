import readerWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'

/** The bundled QR decoder's WebAssembly, served by the app itself (never the library's CDN). */
export const qrDecoderWasmUrl: string = readerWasmUrl

interface NativeBarcodeDetectorClass {
  getSupportedFormats(): Promise<string[]>
}

/** Whether the browser reads QR codes itself (Chrome on Android): then the bundled decoder is never needed. */
export async function hasNativeQrReader(scope: typeof globalThis = globalThis): Promise<boolean> {
  const Native = (scope as unknown as { BarcodeDetector?: NativeBarcodeDetectorClass }).BarcodeDetector
  if (!Native) return false
  try {
    return (await Native.getSupportedFormats()).includes('qr_code')
  } catch {
    return false
  }
}
