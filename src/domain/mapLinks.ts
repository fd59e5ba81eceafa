import type { Place } from './types'

export interface MapLinks {
  /** Opens the phone's map app (Android, and others that handle `geo:`). */
  geo: string
  /** Works everywhere, in a browser or the OpenStreetMap app. */
  openStreetMap: string
}

/** Links to a place: by coordinates when known, else by address. None when there is nothing to find. */
export function mapLinksFor(place: Place): MapLinks | null {
  const label = [place.name, place.address].filter((part) => part.trim() !== '').join(', ')
  if (place.lat !== null && place.lng !== null) {
    const point = `${place.lat},${place.lng}`
    return {
      geo: `geo:${point}?q=${point}${label ? `(${encodeURIComponent(label)})` : ''}`,
      openStreetMap: `https://www.openstreetmap.org/?mlat=${place.lat}&mlon=${place.lng}#map=18/${place.lat}/${place.lng}`,
    }
  }
  const query = place.address.trim() || place.name.trim()
  if (query === '') return null
  return {
    geo: `geo:0,0?q=${encodeURIComponent(query)}`,
    openStreetMap: `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`,
  }
}
