export type FeedbackKind = 'success' | 'warning' | 'error'

const vibrations: Record<FeedbackKind, number[]> = {
  success: [60],
  warning: [80, 60, 80],
  error: [200, 80, 200],
}

const tones: Record<FeedbackKind, Array<[frequency: number, milliseconds: number]>> = {
  success: [[880, 90]],
  warning: [[660, 90], [660, 90]],
  error: [[220, 250]],
}

let audio: AudioContext | null = null

/** A vibration and, unless muted, a short tone: the organiser may not be looking at the screen. */
export function signal(kind: FeedbackKind, options: { sound: boolean }): void {
  navigator.vibrate?.(vibrations[kind])
  if (!options.sound || typeof AudioContext === 'undefined') return
  try {
    audio ??= new AudioContext()
    let start = audio.currentTime
    for (const [frequency, milliseconds] of tones[kind]) {
      const oscillator = audio.createOscillator()
      const gain = audio.createGain()
      oscillator.frequency.value = frequency
      gain.gain.value = 0.15
      oscillator.connect(gain).connect(audio.destination)
      oscillator.start(start)
      oscillator.stop(start + milliseconds / 1000)
      start += (milliseconds + 60) / 1000
    }
  } catch {
    // Sound is a courtesy; the screen and the vibration carry the message.
  }
}
