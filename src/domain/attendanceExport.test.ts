import { describe, expect, it } from 'vitest'
import { attendanceRows } from './attendanceExport'
import { toCsv } from './csvWrite'
import type { CheckIn, Participant, Stop } from './types'

const person = (id: string, firstName: string, lastName: string, phone = '') =>
  ({ id, firstName, lastName, instagram: '', email: '', phone, role: 'iger' }) as Participant
const stop = (id: string, title: string) => ({ id, title }) as Stop
const record = (id: string, participantId: string, stopId: string, action: CheckIn['action'], at: string, undoesId: string | null = null) =>
  ({ id, participantId, stopId, action, at, undoesId }) as CheckIn

describe('attendanceRows', () => {
  it('gives arrival and departure per checkpoint, without undone records', () => {
    const rows = attendanceRows(
      [person('b', 'Ben', 'Zed'), person('a', '=cmd', 'Able', '+33 1 99 00 10 20')],
      [
        record('1', 'a', 'boat', 'in', '08:00'),
        record('2', 'a', 'boat', 'out', '09:30'),
        record('3', 'b', 'boat', 'in', '08:05'),
        record('4', 'b', 'meet', 'in', '07:30'),
        record('5', 'b', 'meet', 'undo', '07:31', '4'),
      ],
      [stop('meet', 'Rendez-vous'), stop('boat', 'Bateau')],
      {
        roleHeader: 'Rôle',
        formatTime: (iso) => iso,
        labels: {
          name: 'Nom',
          instagram: 'Instagram',
          email: 'E-mail',
          phone: 'Téléphone',
          role: () => 'Instagrameur',
          arrived: (title) => `${title} : arrivée`,
          left: (title) => `${title} : départ`,
        },
      },
    )
    expect(rows).toEqual([
      ['Nom', 'Instagram', 'E-mail', 'Téléphone', 'Rôle', 'Rendez-vous : arrivée', 'Rendez-vous : départ', 'Bateau : arrivée', 'Bateau : départ'],
      ['=cmd Able', '', '', '+33 1 99 00 10 20', 'Instagrameur', '', '', '08:00', '09:30'],
      ['Ben Zed', '', '', '', 'Instagrameur', '', '', '08:05', ''],
    ])
    const csv = toCsv(rows, ';')
    expect(csv).toContain("'=cmd Able")
    expect(csv).toContain("'+33 1 99 00 10 20")
  })
})
