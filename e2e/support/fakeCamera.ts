import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { correction, generate } from 'lean-qr'

/** The video file Chromium's fake camera plays (see the "camera" project in playwright.config.ts). */
export const fakeCameraFile = fileURLToPath(new URL('../.artifacts/fake-camera.y4m', import.meta.url))

const width = 640
const height = 480

/**
 * Writes a Y4M video of a QR code, as a badge held in front of the camera would look: black
 * modules on white, centred. Chromium reads the file each time the camera starts.
 */
export function showToFakeCamera(text: string): void {
  const code = generate(text, { minCorrectionLevel: correction.M })
  // The code with its quiet zone of 4 modules, as a badge shows it.
  const size = code.size + 8
  const isDark = (x: number, y: number) => code.get(x - 4, y - 4)
  const scale = Math.floor(360 / size)
  const left = Math.floor((width - size * scale) / 2)
  const top = Math.floor((height - size * scale) / 2)
  const luma = Buffer.alloc(width * height, 235)
  for (let y = 0; y < size * scale; y += 1) {
    for (let x = 0; x < size * scale; x += 1) {
      if (isDark(Math.floor(x / scale), Math.floor(y / scale))) luma[(top + y) * width + left + x] = 16
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma])
  mkdirSync(dirname(fakeCameraFile), { recursive: true })
  writeFileSync(fakeCameraFile, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]))
}

/** A blank picture, so the fake camera has a file to open before any badge is shown. */
export function blankFakeCamera(): void {
  mkdirSync(dirname(fakeCameraFile), { recursive: true })
  const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.alloc(width * height, 235), Buffer.alloc((width / 2) * (height / 2) * 2, 128)])
  writeFileSync(fakeCameraFile, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame]))
}
