export type CameraProblem = 'unsupported' | 'denied' | 'noCamera' | 'busy' | 'unavailable'

export interface CameraSession {
  stop(): void
  /** Whether the rear camera has a light the app can switch on. */
  hasTorch: boolean
  setTorch(on: boolean): Promise<void>
}

export class CameraError extends Error {
  constructor(readonly problem: CameraProblem) {
    super(problem)
  }
}

function problemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noCamera'
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy'
  return 'unavailable'
}

/** Shows the rear camera (any camera where there is no rear one) in a video element. */
export async function startCamera(video: HTMLVideoElement): Promise<CameraSession> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('unsupported')
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      // "ideal", not "exact": a laptop or a test device has no rear camera and should still work.
      video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
    })
  } catch (error) {
    throw new CameraError(problemOf(error))
  }
  video.srcObject = stream
  video.setAttribute('playsinline', '')
  video.muted = true
  await video.play()
  const [track] = stream.getVideoTracks()
  const capabilities = (track?.getCapabilities?.() ?? {}) as MediaTrackCapabilities & { torch?: boolean }
  return {
    stop: () => {
      for (const each of stream.getTracks()) each.stop()
      video.srcObject = null
    },
    hasTorch: capabilities.torch === true,
    setTorch: async (on) => {
      await track?.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] })
    },
  }
}

/** One frame of a video, or of a picture, as pixels the decoders read. */
export function pixelsOf(source: HTMLVideoElement | ImageBitmap, canvas: HTMLCanvasElement): ImageData | null {
  const width = source instanceof HTMLVideoElement ? source.videoWidth : source.width
  const height = source instanceof HTMLVideoElement ? source.videoHeight : source.height
  if (width === 0 || height === 0) return null
  // Large photos are scaled down: a badge's code stays readable and decoding stays fast.
  const scale = Math.min(1, 1280 / Math.max(width, height))
  canvas.width = Math.round(width * scale)
  canvas.height = Math.round(height * scale)
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) return null
  context.drawImage(source, 0, 0, canvas.width, canvas.height)
  return context.getImageData(0, 0, canvas.width, canvas.height)
}

export async function pixelsOfImageFile(file: Blob, canvas: HTMLCanvasElement): Promise<ImageData | null> {
  const bitmap = await createImageBitmap(file)
  try {
    return pixelsOf(bitmap, canvas)
  } finally {
    bitmap.close()
  }
}
