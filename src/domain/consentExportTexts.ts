import type { ConsentItemKind, ConsentRecord, Language } from './types'
import type { ConsentItemState, ConsentOverall } from './consent'

/**
 * The words inside the exported files (CSV headers, PDFs, README.txt). They are part of the
 * documents, not of the screens: a consent's PDF speaks the language the person signed in, the
 * register and the CSVs the organiser's. They live here, beside the rules that write them, so the
 * export worker needs neither Vue nor the message bundles.
 */
export interface ConsentDocumentTexts {
  participantId: string
  firstName: string
  lastName: string
  instagram: string
  status: string
  signedBy: string
  templateVersion: string
  templateHash: string
  signedAtLocal: string
  signedAtUtc: string
  withdrawnAt: string
  guardianName: string
  guardianRelationship: string
  recordHash: string
  creditLine: string
  profile: string
  itemKinds: Record<ConsentItemKind, string>
  overall: Record<ConsentOverall, string>
  itemStates: Record<ConsentItemState, string>
  erasedOn: (date: string) => string
  recordKinds: Record<ConsentRecord['kind'], string>
  channels: Record<NonNullable<ConsentRecord['request']>['channel'], string>
  // PDFs
  consentTitle: string
  withdrawalTitle: string
  erasureTitle: string
  registerTitle: string
  accessTitle: string
  participant: string
  choices: string
  granted: string
  refused: string
  withdrawn: string
  signature: string
  signatureOf: (name: string) => string
  guardian: string
  relationship: string
  date: string
  device: string
  sequence: string
  previousHash: string
  personalHash: string
  language: string
  request: string
  note: string
  recordedBy: string
  withdrawnItems: string
  erasureBody: string
  personalErased: string
  noSignature: string
  page: (page: number, pages: number) => string
  columnParticipant: string
  columnKind: string
  columnItems: string
  columnAt: string
  columnDevice: string
  columnHash: string
  exportedAt: string
  event: string
  details: string
  email: string
  phone: string
  role: string
  birthYear: string
  bookedBy: string
  checkIns: string
  noCheckIns: string
  consentHistory: string
  noConsent: string
  checkInActions: Record<'in' | 'out' | 'undo', string>
  readme: (files: ReadmeFiles) => string
}

export interface ReadmeFiles {
  eventName: string
  zipName: string
  pdfCount: number
}

const frReadme = ({ eventName, zipName, pdfCount }: ReadmeFiles) =>
  `Consentements — ${eventName}
Archive : ${zipName}

Ce que contient cette archive
- consents.csv : une ligne par participant — nom, compte Instagram, état actuel de chaque autorisation, version et empreinte du formulaire signé, date de signature (fuseau de l'événement et UTC), date de retrait, représentant légal, empreinte de l'enregistrement. Les personnes effacées à leur demande n'apparaissent que par leur identifiant et la date de l'effacement.
- reusable-photos.csv : le compte et la mention de crédit (« © Prénom Nom / @compte ») de chaque personne qui autorise aujourd'hui la réutilisation de ses photos.
- consents.json : tous les formulaires et tous les enregistrements (signatures dessinées comprises), pour une machine et pour revérifier le registre.
- pdfs/ : un PDF par enregistrement (${pdfCount}) — le texte signé, les choix, les signatures, les empreintes.
- register.pdf : le registre, un tableau de tous les enregistrements.
- SHA256SUMS : l'empreinte SHA-256 de chacun de ces fichiers.

Vérifier que rien n'a changé, sans l'application
Décompressez l'archive, ouvrez un terminal dans le dossier, puis :
  sha256sum -c SHA256SUMS          (Linux)
  shasum -a 256 -c SHA256SUMS      (macOS)
Chaque fichier doit être suivi de « OK ».

Revérifier le registre à partir de consents.json
Le JSON canonique est celui de la RFC 8785 : clés triées, aucun espace.
- Formulaire : hash = SHA-256 du JSON canonique de {eventId, version, organisation, contact, texts}.
- Enregistrement : hash = SHA-256 du JSON canonique de l'enregistrement sans ses champs « hash » et « personal » ; personalHash = SHA-256 du JSON canonique de « personal ».
- Chaque appareil numérote ses enregistrements (sequence 1, 2, 3…) ; previousHash est le hash de l'enregistrement précédent du même appareil (null pour le premier). Un numéro manquant est un enregistrement manquant.
- Un enregistrement dont « personal » vaut null a été effacé à la demande de la personne : un enregistrement « erasure » le dit, et son personalHash d'origine est conservé.
`

const enReadme = ({ eventName, zipName, pdfCount }: ReadmeFiles) =>
  `Consents — ${eventName}
Archive: ${zipName}

What this archive holds
- consents.csv: one row per participant — name, Instagram handle, the current state of each permission, version and fingerprint of the form signed, when it was signed (event time zone and UTC), when it was withdrawn, parent or guardian, the record's fingerprint. People erased on request appear only by their id and the date of the erasure.
- reusable-photos.csv: the handle and credit line ("© First Last / @handle") of everyone who currently allows their photos to be reused.
- consents.json: every form and every record (drawn signatures included), for machines and to verify the register again.
- pdfs/: one PDF per record (${pdfCount}) — the text signed, the choices, the signatures, the fingerprints.
- register.pdf: the register, a table of every record.
- SHA256SUMS: the SHA-256 of each of these files.

Checking that nothing changed, without the app
Unzip the archive, open a terminal in the folder, then:
  sha256sum -c SHA256SUMS          (Linux)
  shasum -a 256 -c SHA256SUMS      (macOS)
Every file must be followed by "OK".

Verifying the register again from consents.json
Canonical JSON is RFC 8785's: keys sorted, no whitespace.
- Form: hash = SHA-256 of the canonical JSON of {eventId, version, organisation, contact, texts}.
- Record: hash = SHA-256 of the canonical JSON of the record without its "hash" and "personal" fields; personalHash = SHA-256 of the canonical JSON of "personal".
- Each device numbers its records (sequence 1, 2, 3…); previousHash is the hash of the same device's previous record (null for the first). A missing number is a missing record.
- A record whose "personal" is null was erased at the person's request: an "erasure" record says so, and its original personalHash is kept.
`

export const consentDocumentTexts: Record<Language, ConsentDocumentTexts> = {
  fr: {
    participantId: 'Identifiant',
    firstName: 'Prénom',
    lastName: 'Nom',
    instagram: 'Instagram',
    status: 'État',
    signedBy: 'Signé par',
    templateVersion: 'Version du formulaire',
    templateHash: 'Empreinte du formulaire (SHA-256)',
    signedAtLocal: 'Signé le (heure de l’événement)',
    signedAtUtc: 'Signé le (UTC)',
    withdrawnAt: 'Retiré le',
    guardianName: 'Représentant légal',
    guardianRelationship: 'Lien',
    recordHash: 'Empreinte de l’enregistrement (SHA-256)',
    creditLine: 'Mention de crédit',
    profile: 'Profil',
    itemKinds: { photoReuse: 'Réutilisation des photos', imageRights: 'Droit à l’image', contact: 'Être recontacté', other: 'Autre' },
    overall: { none: 'aucun', granted: 'accordé', partial: 'en partie', refused: 'refusé', withdrawn: 'retiré', erased: 'effacé' },
    itemStates: { granted: 'accordé', refused: 'refusé', withdrawn: 'retiré' },
    erasedOn: (date) => `effacé le ${date}`,
    recordKinds: { grant: 'Consentement', withdrawal: 'Retrait', erasure: 'Effacement' },
    channels: { inPerson: 'en personne', email: 'par e-mail', phone: 'par téléphone', letter: 'par courrier', other: 'autre' },
    consentTitle: 'Consentement signé',
    withdrawalTitle: 'Retrait de consentement',
    erasureTitle: 'Effacement sur demande',
    registerTitle: 'Registre des consentements',
    accessTitle: 'Données d’un participant (droit d’accès)',
    participant: 'Participant',
    choices: 'Choix',
    granted: 'Accordé',
    refused: 'Refusé',
    withdrawn: 'Retiré',
    signature: 'Signature',
    signatureOf: (name) => `Signature de ${name}`,
    guardian: 'Parent ou représentant légal',
    relationship: 'Lien',
    date: 'Date et heure',
    device: 'Appareil',
    sequence: 'Numéro sur l’appareil',
    previousHash: 'Empreinte précédente',
    personalHash: 'Empreinte des données personnelles',
    language: 'Langue',
    request: 'Demande',
    note: 'Note',
    recordedBy: 'Enregistré par',
    withdrawnItems: 'Autorisations retirées',
    erasureBody: 'Les données personnelles de cette personne ont été effacées à sa demande. Les empreintes sont conservées : le registre reste vérifiable.',
    personalErased: 'données effacées sur demande',
    noSignature: 'sans signature',
    page: (page, pages) => `Page ${page} / ${pages}`,
    columnParticipant: 'Participant',
    columnKind: 'Type',
    columnItems: 'Autorisations',
    columnAt: 'Date (heure de l’événement)',
    columnDevice: 'Appareil / n°',
    columnHash: 'Empreinte',
    exportedAt: 'Exporté le',
    event: 'Événement',
    details: 'Coordonnées',
    email: 'E-mail',
    phone: 'Téléphone',
    role: 'Rôle',
    birthYear: 'Année de naissance',
    bookedBy: 'Réservé par',
    checkIns: 'Pointages',
    noCheckIns: 'Aucun pointage.',
    consentHistory: 'Historique des consentements',
    noConsent: 'Aucun consentement enregistré.',
    checkInActions: { in: 'arrivée', out: 'départ', undo: 'annulation' },
    readme: frReadme,
  },
  en: {
    participantId: 'Id',
    firstName: 'First name',
    lastName: 'Last name',
    instagram: 'Instagram',
    status: 'Status',
    signedBy: 'Signed by',
    templateVersion: 'Form version',
    templateHash: 'Form fingerprint (SHA-256)',
    signedAtLocal: 'Signed at (event time)',
    signedAtUtc: 'Signed at (UTC)',
    withdrawnAt: 'Withdrawn at',
    guardianName: 'Parent or guardian',
    guardianRelationship: 'Relationship',
    recordHash: 'Record fingerprint (SHA-256)',
    creditLine: 'Credit line',
    profile: 'Profile',
    itemKinds: { photoReuse: 'Photo reuse', imageRights: 'Image rights', contact: 'Future contact', other: 'Other' },
    overall: { none: 'none', granted: 'granted', partial: 'partly granted', refused: 'refused', withdrawn: 'withdrawn', erased: 'erased' },
    itemStates: { granted: 'granted', refused: 'refused', withdrawn: 'withdrawn' },
    erasedOn: (date) => `erased on ${date}`,
    recordKinds: { grant: 'Consent', withdrawal: 'Withdrawal', erasure: 'Erasure' },
    channels: { inPerson: 'in person', email: 'by email', phone: 'by phone', letter: 'by letter', other: 'other' },
    consentTitle: 'Signed consent',
    withdrawalTitle: 'Withdrawal of consent',
    erasureTitle: 'Erasure on request',
    registerTitle: 'Consent register',
    accessTitle: 'A participant’s data (right of access)',
    participant: 'Participant',
    choices: 'Choices',
    granted: 'Granted',
    refused: 'Refused',
    withdrawn: 'Withdrawn',
    signature: 'Signature',
    signatureOf: (name) => `Signature of ${name}`,
    guardian: 'Parent or guardian',
    relationship: 'Relationship',
    date: 'Date and time',
    device: 'Device',
    sequence: 'Number on the device',
    previousHash: 'Previous fingerprint',
    personalHash: 'Personal data fingerprint',
    language: 'Language',
    request: 'Request',
    note: 'Note',
    recordedBy: 'Recorded by',
    withdrawnItems: 'Permissions withdrawn',
    erasureBody: 'This person’s personal data was erased at their request. The fingerprints are kept: the register can still be verified.',
    personalErased: 'data erased on request',
    noSignature: 'no signature',
    page: (page, pages) => `Page ${page} of ${pages}`,
    columnParticipant: 'Participant',
    columnKind: 'Kind',
    columnItems: 'Permissions',
    columnAt: 'Date (event time)',
    columnDevice: 'Device / no.',
    columnHash: 'Fingerprint',
    exportedAt: 'Exported at',
    event: 'Event',
    details: 'Details',
    email: 'Email',
    phone: 'Phone',
    role: 'Role',
    birthYear: 'Year of birth',
    bookedBy: 'Booked by',
    checkIns: 'Check-ins',
    noCheckIns: 'No check-ins.',
    consentHistory: 'Consent history',
    noConsent: 'No consent recorded.',
    checkInActions: { in: 'arrival', out: 'departure', undo: 'undone' },
    readme: enReadme,
  },
}
