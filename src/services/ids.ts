import { badgeCodeBytes, badgeCodeFromBytes } from '@/domain/badge'

export function newId(): string {
  return crypto.randomUUID()
}

/** A badge code from the platform's cryptographic random source. */
export function newBadgeCode(): string {
  return badgeCodeFromBytes(crypto.getRandomValues(new Uint8Array(badgeCodeBytes)))
}
