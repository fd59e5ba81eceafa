/** Identifiers are UUIDs (v4) created by the device that writes the record. */
export type Id = string
/** An instant in time, ISO 8601 in UTC (`2027-07-24T07:30:00.000Z`). */
export type IsoInstant = string
/** A calendar date in the event's time zone, `YYYY-MM-DD`. */
export type LocalDate = string
/** A wall-clock time in the event's time zone, `HH:MM`. */
export type LocalTime = string

export const languages = ['fr', 'en'] as const
export type Language = (typeof languages)[number]

export interface PhotowalkEvent {
  id: Id
  name: string
  date: LocalDate
  timeZone: string
  /** Normalised hashtags without `#`, the primary one first. */
  hashtags: string[]
  meetingPoint: string
  organisation: string
  /** Target number of posts under the primary hashtag, if the organiser set one. */
  goal: number | null
  consentTemplateId: Id | null
  isSample: boolean
  /** Grows with every change to what participants see (details, stops, delays); share links carry it. */
  revision: number
  createdAt: IsoInstant
  updatedAt: IsoInstant
}

export const stopKinds = ['meeting', 'boat', 'picnic', 'spot', 'reception', 'transfer', 'other'] as const
export type StopKind = (typeof stopKinds)[number]

export interface Place {
  name: string
  address: string
  lat: number | null
  lng: number | null
  /** Where exactly to meet, e.g. "pontoon 2". */
  detail: string
}

export interface Stop {
  id: Id
  eventId: Id
  order: number
  kind: StopKind
  title: string
  plannedStart: LocalTime
  durationMinutes: number
  place: Place
  capacity: number | null
  isCheckpoint: boolean
  /** A fixed stop (a boat departure, a restaurant booking) does not move when the day runs late. */
  isFixed: boolean
  partner: string
  notes: string
  toBring: string
}

/** Append-only: "from this stop on, N minutes later". An undo is a shift that cancels another. */
export interface ScheduleShift {
  id: Id
  eventId: Id
  fromStopId: Id
  minutes: number
  undoesShiftId: Id | null
  /**
   * The stop had already begun when the delay was declared: its end moves, not its start, so no
   * start is ever moved into the past.
   */
  lengthensStop: boolean
  at: IsoInstant
  deviceId: Id
}

export const participantRoles = ['iger', 'ambassador', 'press', 'staff', 'partner'] as const
export type ParticipantRole = (typeof participantRoles)[number]

export interface Participant {
  id: Id
  eventId: Id
  firstName: string
  lastName: string
  /** Instagram handle without `@`, lowercase. */
  instagram: string
  email: string
  phone: string
  role: ParticipantRole
  isMinor: boolean
  birthYear: number | null
  companionOf: Id | null
  notes: string
  /**
   * Who booked the place when it was not the participant (a parent, a colleague): a contact of its
   * own, name and/or email as the ticketing tool gave them. Never used to tell two people apart.
   */
  bookedBy: string
  /** The full date of birth when it is known, for the exact age on the event's day; else null. */
  birthDate: LocalDate | null
  /** Opaque, unguessable code carried by the badge's QR code. */
  badgeCode: string
  source: 'manual' | 'import' | 'sample'
  createdAt: IsoInstant
}

export type CheckInAction = 'in' | 'out' | 'undo'

/** Append-only. Presence is derived from these records, never stored. */
export interface CheckIn {
  id: Id
  eventId: Id
  participantId: Id
  stopId: Id
  action: CheckInAction
  /** For an undo, the record it cancels. */
  undoesId: Id | null
  at: IsoInstant
  deviceId: Id
  method: 'qr' | 'manual'
}

/** What an item of a consent form is about: the rules for minors depend on it. */
export const consentItemKinds = ['photoReuse', 'imageRights', 'contact', 'other'] as const
export type ConsentItemKind = (typeof consentItemKinds)[number]

export interface ConsentItem {
  /** Stable across languages and versions: the key of the choice recorded for it. */
  id: string
  kind: ConsentItemKind
  label: string
}

export interface ConsentText {
  title: string
  body: string
  items: ConsentItem[]
}

/**
 * One version of an event's consent form, in both languages. Immutable once a consent refers to
 * it: a change is a new version, and every consent names the version and hash it was signed on.
 */
export interface ConsentTemplate {
  id: Id
  eventId: Id
  version: number
  /** The organising body the rights are granted to. */
  organisation: string
  /** Whom to contact to withdraw or ask for one's data (an email, a phone, an address). */
  contact: string
  texts: Record<Language, ConsentText>
  /** SHA-256 of the canonical form of everything above but the id (see `consentTemplateContent`), hex. */
  hash: string
  createdAt: IsoInstant
}

/** A drawn line: points in CSS pixels of the pad, rounded to keep records small. */
export interface SignatureStroke {
  points: Array<[x: number, y: number]>
}

export interface DrawnSignature {
  /** The pad's size when drawn, so the signature can be redrawn at its proportions. */
  width: number
  height: number
  strokes: SignatureStroke[]
}

export interface GuardianSignature {
  name: string
  /** "Mère", "father", "tuteur légal"… as the guardian says it. */
  relationship: string
  signature: DrawnSignature
}

/** What identifies a person in a consent record: what an erasure on request removes. */
export interface ConsentPersonalData {
  signerName: string
  /** The participant's own signature; absent when the participant does not sign (a withdrawal by email, say). */
  signature: DrawnSignature | null
  guardian: GuardianSignature | null
}

export const withdrawalChannels = ['inPerson', 'email', 'phone', 'letter', 'other'] as const
export type WithdrawalChannel = (typeof withdrawalChannels)[number]

/**
 * Append-only; a withdrawal, and the erasure of a person's data on request, are records of their
 * own. Each device chains its records: `sequence` counts them, `previousHash` is the hash of the
 * device's previous record, and `hash` covers every field but `personal`, which it covers through
 * `personalHash` — so an erasure can remove the personal data without breaking the chain.
 */
export interface ConsentRecord {
  id: Id
  eventId: Id
  participantId: Id
  templateId: Id
  templateHash: string
  kind: 'grant' | 'withdrawal' | 'erasure'
  /** The form's language as shown to the signer. */
  language: Language
  /** Per item id: granted or not (a grant); for a withdrawal, the items withdrawn (false). */
  choices: Record<string, boolean>
  /** How a withdrawal or an erasure was asked for; null for a grant. */
  request: { channel: WithdrawalChannel; note: string } | null
  /** Null once erased on request (then a record of kind `erasure` for the participant says when). */
  personal: ConsentPersonalData | null
  /** SHA-256 of the canonical form of `personal`, hex; kept after an erasure. */
  personalHash: string
  at: IsoInstant
  deviceId: Id
  /** 1 for a device's first record, then 2, 3…: a gap is a missing record. */
  sequence: number
  previousHash: string | null
  hash: string
}

/** Where posts are seen: Instagram's Graph API, or fediverse tag timelines (Pixelfed, Mastodon). */
export const postSources = ['instagram', 'fediverse'] as const
export type PostSource = (typeof postSources)[number]
export type HashtagProvider = PostSource | 'manual'

/**
 * A figure of the counter, kept as a record: a provider's reading (how many of the day's posts it
 * had seen, and when: "as of 14:32"), or a change to the hand count — a tap (+1), a total read
 * from the Instagram app (which replaces the taps before it), or an adjustment outside any source
 * (posts before tracking began, another network, a wall provider's figure; may be negative).
 */
export interface HashtagSample {
  id: Id
  eventId: Id
  /** The hashtag a reading is about; empty for the hand count. */
  hashtag: string
  provider: HashtagProvider
  kind: 'reading' | 'plusOne' | 'total' | 'extra'
  count: number
  note: string
  at: IsoInstant
  deviceId: Id
}

/** One post seen under a hashtag, kept so that counts survive restarts and are never doubled. */
export interface HashtagMedia {
  provider: PostSource
  /**
   * What makes the post unique within its source: Instagram's media id (global), a fediverse
   * status's URI (the same post seen through two instances has one URI and two local ids).
   */
  mediaId: string
  eventId: Id
  /** The first of the event's hashtags it was seen under. */
  hashtag: string
  /** When its author published it; null when the source did not say (then it counts on no day). */
  postedAt: IsoInstant | null
  permalink: string | null
  seenAt: IsoInstant
}

/**
 * Instagram's id for a hashtag, looked up once per account: ids are static and global, and each
 * distinct hashtag looked up counts against the account's 30 a week from its first lookup.
 */
export interface HashtagLookup {
  accountId: string
  /** Lowercase, without `#`. */
  hashtag: string
  hashtagId: string
  firstAt: IsoInstant
}

/**
 * The key pair that signs an event's share links, kept by the organiser's devices only. The public
 * half travels in every link; participants' phones accept updates signed by it alone.
 */
export interface EventSigningKey {
  eventId: Id
  /** Raw uncompressed P-256 point, base64url. */
  publicKey: string
  /** The private key as a JSON Web Key (ECDSA P-256), so a backup can carry it to another organiser's phone. */
  privateKey: EcPrivateJwk
  createdAt: IsoInstant
}

export interface EcPrivateJwk {
  kty: 'EC'
  crv: 'P-256'
  x: string
  y: string
  d: string
}

export interface MetaEntry {
  key: string
  value: unknown
}
