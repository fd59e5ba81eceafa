import type { IsoInstant } from './types'

/**
 * A device lock keeps the phone on one screen until the organiser's PIN is typed: the hand-over
 * mode (a participant reads and signs their own consent form) and the office's reception screen.
 */
export const lockKinds = ['handover', 'reception'] as const
export type LockKind = (typeof lockKinds)[number]

export interface LockRequest {
  kind: LockKind
  /** The one address of the app the phone may show, query included. */
  path: string
  /** What the button that leaves the lock says ("Give the phone back to the organiser"). */
  label: string
}

export interface DeviceLock extends LockRequest {
  /** Where the organiser was when the lock started: where leaving it returns. */
  returnTo: string
  startedAt: IsoInstant
}

/** An address inside the app: a path from its root, never another origin. */
function isAppPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\')
}

/** The lock that `request` asks for, started at `now` from `returnTo`; null when its path is not one of the app. */
export function newDeviceLock(request: LockRequest, returnTo: string, now: IsoInstant): DeviceLock | null {
  if (!isAppPath(request.path)) return null
  return {
    kind: request.kind,
    path: request.path,
    label: request.label,
    returnTo: isAppPath(returnTo) ? returnTo : '/',
    startedAt: now,
  }
}

/** A stored lock as the app wrote it, or null. */
export function asDeviceLock(value: unknown): DeviceLock | null {
  if (!value || typeof value !== 'object') return null
  const { kind, path, label, returnTo, startedAt } = value as Partial<Record<keyof DeviceLock, unknown>>
  if (!lockKinds.includes(kind as LockKind)) return null
  if (typeof path !== 'string' || !isAppPath(path)) return null
  if (typeof label !== 'string' || typeof returnTo !== 'string' || typeof startedAt !== 'string') return null
  return { kind: kind as LockKind, path, label, returnTo: isAppPath(returnTo) ? returnTo : '/', startedAt }
}
