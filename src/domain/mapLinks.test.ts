import { describe, expect, it } from 'vitest'
import { formatDuration } from './format'
import { mapLinksFor } from './mapLinks'

describe('mapLinksFor', () => {
  it('points at coordinates when the place has them', () => {
    expect(mapLinksFor({ name: 'Halte nautique', address: 'Quai de la Marine', lat: 47.7985, lng: 3.5748, detail: '' })).toEqual({
      geo: 'geo:47.7985,3.5748?q=47.7985,3.5748(Halte%20nautique%2C%20Quai%20de%20la%20Marine)',
      openStreetMap: 'https://www.openstreetmap.org/?mlat=47.7985&mlon=3.5748#map=18/47.7985/3.5748',
    })
  })

  it('searches the address otherwise, and gives up on an empty place', () => {
    expect(mapLinksFor({ name: 'Parc', address: 'Quai de l’Arbre Sec, Auxerre', lat: null, lng: null, detail: '' })).toEqual({
      geo: 'geo:0,0?q=Quai%20de%20l%E2%80%99Arbre%20Sec%2C%20Auxerre',
      openStreetMap: 'https://www.openstreetmap.org/search?query=Quai%20de%20l%E2%80%99Arbre%20Sec%2C%20Auxerre',
    })
    expect(mapLinksFor({ name: ' ', address: '', lat: null, lng: null, detail: '' })).toBeNull()
  })
})

describe('formatDuration', () => {
  it.each([
    [35, 'en', '35 min'],
    [60, 'en', '1 h'],
    [65, 'en', '1 h 05'],
    [630, 'fr', '10\u202fh\u202f30'],
    [-10, 'en', '−10 min'],
  ] as const)('formats %i minutes in %s as %j', (minutes, language, expected) => {
    expect(formatDuration(minutes, language)).toBe(expected)
  })
})
