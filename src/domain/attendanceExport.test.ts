import { describe, expect, it } from 'vitest'
import { attendanceCsv, attendanceRows, csvDelimiterFor, type AttendanceLabels } from './attendanceExport'
import type { CheckIn, Participant, Stop } from './types'

const person = (id: string, firstName: string, lastName: string, phone = '', isMinor = false) =>
  ({ id, firstName, lastName, instagram: '', email: '', phone, role: 'iger', isMinor }) as Participant
const stop = (id: string, title: string) => ({ id, title }) as Stop
const record = (id: string, participantId: string, stopId: string, action: CheckIn['action'], at: string, undoesId: string | null = null) =>
  ({ id, participantId, stopId, action, at, undoesId }) as CheckIn

const labels: AttendanceLabels = {
  name: 'Nom',
  instagram: 'Instagram',
  email: 'E-mail',
  phone: 'Téléphone',
  role: 'Rôle',
  minor: 'Mineur·e',
  yes: 'Oui',
  no: 'Non',
  roleName: () => 'Instagrameur',
  arrived: (title) => `${title} : arrivée`,
  left: (title) => `${title} : départ`,
}

const participants = [person('b', 'Ben', 'Zed'), person('a', '=cmd', 'Able', '+33 1 99 00 10 20', true)]
const records = [
  record('1', 'a', 'boat', 'in', '2027-07-24T06:00:00.000Z'),
  record('2', 'a', 'boat', 'out', '2027-07-24T07:30:00.000Z'),
  record('3', 'b', 'boat', 'in', '2027-07-24T06:05:00.000Z'),
  record('4', 'b', 'meet', 'in', '2027-07-24T05:30:00.000Z'),
  record('5', 'b', 'meet', 'undo', '2027-07-24T05:31:00.000Z', '4'),
]
const checkpoints = [stop('meet', 'Rendez-vous'), stop('boat', 'Bateau')]

describe('attendance export', () => {
  it('gives arrival and departure per checkpoint, without undone records, and who is a minor', () => {
    const rows = attendanceRows(participants, records, checkpoints, { labels, language: 'fr', timeZone: 'Europe/Paris' })
    expect(rows).toEqual([
      ['Nom', 'Instagram', 'E-mail', 'Téléphone', 'Rôle', 'Mineur·e', 'Rendez-vous : arrivée', 'Rendez-vous : départ', 'Bateau : arrivée', 'Bateau : départ'],
      ['=cmd Able', '', '', '+33 1 99 00 10 20', 'Instagrameur', 'Oui', '', '', '08:00', '09:30'],
      ['Ben Zed', '', '', '', 'Instagrameur', 'Non', '', '', '08:05', ''],
    ])
  })

  it('semicolons in French (Excel in France expects them), commas in English', () => {
    expect(csvDelimiterFor('fr')).toBe(';')
    expect(csvDelimiterFor('en')).toBe(',')
    const french = attendanceCsv(participants, records, checkpoints, { labels, language: 'fr', timeZone: 'Europe/Paris' })
    expect(french.startsWith('\uFEFFNom;Instagram;E-mail;Téléphone;Rôle;Mineur·e;Rendez-vous : arrivée')).toBe(true)
    expect(french).toContain('"\'=cmd Able";;;"\'+33 1 99 00 10 20";Instagrameur;Oui;;;08:00;09:30\r\n')
    const english = attendanceCsv(participants, records, checkpoints, { labels, language: 'en', timeZone: 'Europe/Paris' })
    expect(english.split('\r\n')[2]).toBe('Ben Zed,,,,Instagrameur,Non,,,08:05,')
  })
})
