import { correction, generate, type Bitmap2D } from 'lean-qr'
import { toSvgSource } from 'lean-qr/extras/svg'

export type ErrorCorrection = 'L' | 'M'

/** The white margin a reader needs around a code, in modules (ISO/IEC 18004). */
export const qrQuietZoneModules = 4

/**
 * The encoder picks the shortest mix of segments by itself: a share link's fragment of decimal
 * digits goes in a numeric segment (3.3 bits a digit), the address before it in a byte segment.
 * A higher correction level is used when it fits in the same size.
 */
function encode(text: string, ecc: ErrorCorrection): Bitmap2D {
  return generate(text, { minCorrectionLevel: correction[ecc] })
}

/**
 * A QR code as SVG markup, black on white with the quiet zone. Codes shown on a screen (share
 * links) use low error correction, which keeps long links scannable; printed badges, which get
 * scratched and folded, use medium.
 */
export function qrCodeSvg(text: string, ecc: ErrorCorrection): string {
  return toSvgSource(encode(text, ecc), { on: '#000000', off: '#ffffff', pad: qrQuietZoneModules })
}

/**
 * The QR version (1–40, its size class) a text needs, and how many modules wide the code is with
 * its quiet zone: the fewer, the larger each module on a given screen and the easier to scan.
 */
export function qrCodeSize(text: string, ecc: ErrorCorrection): { version: number; modulesAcross: number } {
  const { size } = encode(text, ecc)
  return { version: (size - 17) / 4, modulesAcross: size + 2 * qrQuietZoneModules }
}
