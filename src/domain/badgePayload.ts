import { isBadgeCode } from './badge'

/** What a badge's QR code holds: a short prefix naming the app, then the code. Nothing personal. */
export const badgePrefix = 'PW:'

export function badgePayload(code: string): string {
  return `${badgePrefix}${code}`
}

export type ScannedBadge = { kind: 'badge'; code: string } | { kind: 'notABadge' }

/** Reads a scanned text: a Photowalk badge (uppercase or not, with stray spaces), or something else. */
export function readBadgePayload(text: string): ScannedBadge {
  const trimmed = text.trim().toUpperCase()
  if (!trimmed.startsWith(badgePrefix)) return { kind: 'notABadge' }
  const code = trimmed.slice(badgePrefix.length).replace(/[\s-]/g, '')
  return isBadgeCode(code) ? { kind: 'badge', code } : { kind: 'notABadge' }
}
