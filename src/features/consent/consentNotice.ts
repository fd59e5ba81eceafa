import { shallowRef } from 'vue'

/** What the form editor did, said once on the consent screen it leads back to. */
export interface TemplateSavedNotice {
  version: number
  hash: string
  /** The previous version had been signed on: it stays as it was, and this is a new one. */
  newVersion: boolean
}

export const templateSavedNotice = shallowRef<TemplateSavedNotice | null>(null)
