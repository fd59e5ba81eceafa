import { addDays, dayOfWeek } from './time'
import type {
  IsoInstant,
  Language,
  LocalDate,
  Participant,
  ParticipantRole,
  PhotowalkEvent,
  Place,
  Stop,
  StopKind,
} from './types'

export interface SampleEventInputs {
  /** Today's date where the organiser is, to place the sample in the coming July. */
  today: LocalDate
  now: IsoInstant
  language: Language
  newId: () => string
  newBadgeCode: () => string
}

export interface SampleEvent {
  event: PhotowalkEvent
  stops: Stop[]
  participants: Participant[]
}

/** The fourth Saturday of July, this year if it is still ahead, else next year. */
export function sampleEventDate(today: LocalDate): LocalDate {
  const thisYear = Number(today.slice(0, 4))
  for (const year of [thisYear, thisYear + 1]) {
    const firstOfJuly = `${year}-07-01`
    const firstSaturday = addDays(firstOfJuly, (6 - dayOfWeek(firstOfJuly) + 7) % 7)
    const fourthSaturday = addDays(firstSaturday, 21)
    if (fourthSaturday >= today) return fourthSaturday
  }
  throw new Error('unreachable: next year always has a fourth Saturday in July')
}

interface SampleStop {
  kind: StopKind
  title: Record<Language, string>
  start: string
  minutes: number
  place: SamplePlace
  capacity?: number
  checkpoint?: boolean
  fixed?: boolean
  partner?: Localised
  toBring?: Localised
}

/** Words in each language; proper names and addresses stay as they are written on site. */
type Localised = Record<Language, string>
type SamplePlace = Omit<Place, 'name' | 'detail'> & { name: Localised; detail: Localised }

const same = (text: string): Localised => ({ fr: text, en: text })
const noDetail: Localised = same('')

const place = (name: Localised, address: string, lat: number, lng: number, detail = noDetail): SamplePlace => ({
  name,
  address,
  lat,
  lng,
  detail,
})

const officePlace = place({ fr: 'Office de tourisme', en: 'Tourism office' }, '1-2 quai de la République, 89000 Auxerre', 47.7963, 3.5739)

const inLanguage = (sample: SamplePlace, language: Language): Place => ({
  ...sample,
  name: sample.name[language],
  detail: sample.detail[language],
})

const sampleStops: SampleStop[] = [
  {
    kind: 'meeting',
    title: { fr: 'Accueil à l’office de tourisme', en: 'Welcome at the tourism office' },
    start: '09:30',
    minutes: 30,
    place: { ...officePlace, detail: { fr: 'Devant l’entrée, côté quai', en: 'In front of the entrance, riverside' } },
    checkpoint: true,
    toBring: { fr: 'Badge, appareil photo chargé', en: 'Badge, charged camera' },
  },
  {
    kind: 'boat',
    title: { fr: 'Balade en bateau électrique sur l’Yonne', en: 'Electric boat ride on the Yonne' },
    start: '10:00',
    minutes: 90,
    place: place({ fr: 'Halte nautique', en: 'Boat landing (halte nautique)' }, 'Quai de la Marine, 89000 Auxerre', 47.7985, 3.5748, { fr: 'Ponton 2', en: 'Pontoon 2' }),
    capacity: 14,
    checkpoint: true,
    fixed: true,
    partner: { fr: 'Bateaux électriques de l’Yonne (exemple)', en: 'Yonne electric boats (sample)' },
    toBring: { fr: 'Coupe-vent, chapeau', en: 'Windbreaker, hat' },
  },
  {
    kind: 'picnic',
    title: { fr: 'Pique-nique au bord de l’eau', en: 'Riverside picnic' },
    start: '12:00',
    minutes: 90,
    place: place(same('Parc de l’Arbre Sec'), 'Quai de l’Arbre Sec, 89000 Auxerre', 47.7935, 3.5762),
    toBring: { fr: 'Gourde (le panier est offert)', en: 'Water bottle (the basket is provided)' },
  },
  {
    kind: 'spot',
    title: { fr: 'Cathédrale Saint-Étienne', en: 'Saint-Étienne cathedral' },
    start: '14:00',
    minutes: 40,
    place: place(same('Cathédrale Saint-Étienne'), 'Place Saint-Étienne, 89000 Auxerre', 47.7977, 3.5727),
    checkpoint: true,
  },
  {
    kind: 'spot',
    title: { fr: 'Abbaye Saint-Germain', en: 'Saint-Germain abbey' },
    start: '14:40',
    minutes: 40,
    place: place(same('Abbaye Saint-Germain'), '2 bis place Saint-Germain, 89000 Auxerre', 47.8003, 3.5717),
  },
  {
    kind: 'spot',
    title: { fr: 'Tour de l’Horloge', en: 'Clock tower' },
    start: '15:20',
    minutes: 40,
    place: place(same('Tour de l’Horloge'), 'Rue de l’Horloge, 89000 Auxerre', 47.7962, 3.5687),
  },
  {
    kind: 'spot',
    title: { fr: 'Ruelles et maisons à pans de bois', en: 'Lanes and half-timbered houses' },
    start: '16:00',
    minutes: 45,
    place: place(same('Place de l’Hôtel de Ville'), 'Place de l’Hôtel de Ville, 89000 Auxerre', 47.7967, 3.5694),
  },
  {
    kind: 'spot',
    title: { fr: 'Pont Paul-Bert au soleil couchant', en: 'Paul-Bert bridge in the late light' },
    start: '16:45',
    minutes: 45,
    place: place(same('Pont Paul-Bert'), 'Pont Paul-Bert, 89000 Auxerre', 47.7958, 3.5752),
  },
  {
    kind: 'reception',
    title: { fr: 'Réception et vins des vignerons partenaires', en: 'Reception with the partner growers’ wines' },
    start: '18:00',
    minutes: 120,
    place: place({ fr: 'Jardin du restaurant (exemple)', en: 'Restaurant garden (sample)' }, 'Rue du Jardin, 89000 Auxerre', 47.7949, 3.5701, { fr: 'Entrée par le jardin', en: 'Entrance through the garden' }),
    capacity: 40,
    checkpoint: true,
    fixed: true,
    partner: { fr: 'Vignerons de l’Auxerrois (exemple)', en: 'Auxerrois wine growers (sample)' },
  },
]

const sampleParticipants: Array<[first: string, last: string, handle: string, role: ParticipantRole]> = [
  ['Hélène', 'Exemple', 'helene.exemple', 'iger'],
  ['Lucas', 'Fictif', 'lucas_fictif', 'iger'],
  ['Chloé', 'Démo', 'chloe.demo', 'iger'],
  ['Inès', 'Imaginaire', 'ines_imaginaire', 'iger'],
  ['Théo', 'Modèle', 'theo.modele', 'iger'],
  ['Zoé', 'Essai', 'zoe_essai', 'iger'],
  ['Noémie', 'Spécimen', 'noemie.specimen', 'iger'],
  ['Mathis', 'Prototype', 'mathis_prototype', 'ambassador'],
  ['Léa', 'Brouillon', 'lea.brouillon', 'ambassador'],
  ['Jules', 'Maquette', 'jules_maquette', 'ambassador'],
  ['Camille', 'Échantillon', 'camille.echantillon', 'press'],
  ['Sacha', 'Témoin', 'sacha_temoin', 'staff'],
]

const eventNames: Localised = {
  fr: 'Photowalk Auxerre (exemple)',
  en: 'Auxerre photowalk (sample)',
}

const organisations: Localised = {
  fr: 'Office de tourisme (exemple)',
  en: 'Tourism office (sample)',
}

/** A photowalk day modelled on a real one, with clearly fictional participants. */
export function buildSampleEvent(inputs: SampleEventInputs): SampleEvent {
  const eventId = inputs.newId()
  const event: PhotowalkEvent = {
    id: eventId,
    name: eventNames[inputs.language],
    date: sampleEventDate(inputs.today),
    timeZone: 'Europe/Paris',
    hashtags: ['PHOTOWALKXERRE', 'SecretsAuxerre'],
    meetingPoint: `${officePlace.name[inputs.language]}, ${officePlace.address}`,
    organisation: organisations[inputs.language],
    goal: 140,
    consentTemplateId: null,
    isSample: true,
    revision: 1,
    createdAt: inputs.now,
    updatedAt: inputs.now,
  }
  const stops = sampleStops.map(
    (stop, order): Stop => ({
      id: inputs.newId(),
      eventId,
      order,
      kind: stop.kind,
      title: stop.title[inputs.language],
      plannedStart: stop.start,
      durationMinutes: stop.minutes,
      place: inLanguage(stop.place, inputs.language),
      capacity: stop.capacity ?? null,
      isCheckpoint: stop.checkpoint ?? false,
      isFixed: stop.fixed ?? false,
      partner: stop.partner?.[inputs.language] ?? '',
      notes: '',
      toBring: stop.toBring?.[inputs.language] ?? '',
    }),
  )
  const participants = sampleParticipants.map(
    ([firstName, lastName, handle, role], index): Participant => ({
      id: inputs.newId(),
      eventId,
      firstName,
      lastName,
      instagram: handle,
      email: `${handle.replace(/[._]/g, '-')}@example.org`,
      // 01 99 00 xx xx is the range French regulation sets aside for fiction.
      phone: `+33 1 99 00 ${String(10 + index).padStart(2, '0')} ${String(20 + index).padStart(2, '0')}`,
      role,
      isMinor: false,
      birthYear: null,
      companionOf: null,
      notes: '',
      bookedBy: '',
      birthDate: null,
      badgeCode: inputs.newBadgeCode(),
      source: 'sample',
      createdAt: inputs.now,
    }),
  )
  return { event, stops, participants }
}
