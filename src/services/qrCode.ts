import { encode, renderSVG } from 'uqr'

export type ErrorCorrection = 'L' | 'M'

/**
 * A QR code as SVG markup, black on white with the standard quiet zone. Codes shown on a screen
 * (share links) use low error correction, which keeps long links scannable; printed badges, which
 * get scratched and folded, use medium.
 */
export function qrCodeSvg(text: string, ecc: ErrorCorrection): string {
  return renderSVG(text, { ecc, border: 4, pixelSize: 8, whiteColor: '#ffffff', blackColor: '#000000' })
}

/** The QR version (1–40, its size class) a text needs: the lower, the easier to scan from afar. */
export function qrCodeVersion(text: string, ecc: ErrorCorrection): number {
  return encode(text, { ecc }).version
}
