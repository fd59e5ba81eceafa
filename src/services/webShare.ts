export interface ShareTarget {
  title: string
  text?: string
  url: string
}

export function canUseWebShare(target: ShareTarget, host: Navigator | null = globalThis.navigator ?? null): boolean {
  return typeof host?.share === 'function' && (typeof host.canShare !== 'function' || host.canShare(target))
}

/** Opens the system share sheet. Resolves to false when the person closes it or it is unavailable. */
export async function shareWithSystem(target: ShareTarget, host: Navigator | null = globalThis.navigator ?? null): Promise<boolean> {
  if (!host || !canUseWebShare(target, host)) return false
  try {
    await host.share(target)
    return true
  } catch {
    return false
  }
}
