/**
 * A link to a centre's position on OpenStreetMap: a plain link, so the page loads no outside
 * script or tile (an embedded map would). Null when the position is missing or not a number in range
 * (positions come from staff input and CSV imports).
 */
export function mapLink(latitude: string, longitude: string, zoom = 17): string | null {
  const lat = Number(latitude.trim());
  const lon = Number(longitude.trim());
  if (!latitude.trim() || !longitude.trim() || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=${zoom}/${lat}/${lon}`;
}
