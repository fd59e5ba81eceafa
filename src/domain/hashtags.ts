import { err, ok, type Result } from './result'

export type HashtagError = 'empty' | 'whitespace' | 'invalidCharacter' | 'digitsOnly' | 'tooLong' | 'duplicate'

export const maxHashtagLength = 100

// Instagram accepts letters of any script (with their combining marks), digits and the underscore.
const hashtagBody = /^[\p{L}\p{M}\p{Nd}_]+$/u
const digitsOnly = /^[\p{Nd}_]+$/u

/**
 * Normalises one hashtag as typed by a person: an optional leading `#`, surrounding spaces trimmed,
 * Unicode NFC so that "é" typed two ways is one hashtag. The organiser's capitalisation is kept for
 * display; comparisons go through {@link hashtagKey}.
 */
export function normaliseHashtag(input: string): Result<string, HashtagError> {
  const trimmed = input.normalize('NFC').trim()
  const body = trimmed.startsWith('#') ? trimmed.slice(1) : trimmed
  if (body.length === 0) return err('empty')
  if (/\s/u.test(body)) return err('whitespace')
  if (!hashtagBody.test(body)) return err('invalidCharacter')
  if (digitsOnly.test(body)) return err('digitsOnly')
  if ([...body].length > maxHashtagLength) return err('tooLong')
  return ok(body)
}

/** The case-insensitive identity of a hashtag: `#SecretsAuxerre` and `secretsauxerre` are one. */
export function hashtagKey(hashtag: string): string {
  return hashtag.normalize('NFC').replace(/^#/, '').toLocaleLowerCase('und')
}

export function sameHashtag(a: string, b: string): boolean {
  return hashtagKey(a) === hashtagKey(b)
}

/**
 * Normalises a list of hashtags, primary first. Blank entries are dropped (an empty field left in
 * a form is not a mistake); each remaining entry must be valid and unique.
 * Errors are reported per input index so a form can show each next to its field.
 */
export function normaliseHashtagList(inputs: readonly string[]): Result<string[], Map<number, HashtagError>> {
  const errors = new Map<number, HashtagError>()
  const hashtags: string[] = []
  const seen = new Set<string>()
  inputs.forEach((input, index) => {
    if (input.trim() === '' || input.trim() === '#') return
    const result = normaliseHashtag(input)
    if (!result.ok) {
      errors.set(index, result.error)
      return
    }
    const key = hashtagKey(result.value)
    if (seen.has(key)) {
      errors.set(index, 'duplicate')
      return
    }
    seen.add(key)
    hashtags.push(result.value)
  })
  return errors.size > 0 ? err(errors) : ok(hashtags)
}

export function displayHashtag(hashtag: string): string {
  return `#${hashtag}`
}
