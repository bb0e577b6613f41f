/**
 * Removes APP1 segments (EXIF, which carries GPS coordinates, and XMP) from a JPEG for a display copy
 * shown beyond the officials: site photos must not publish where an enterprise's plant is to the metre.
 * The original stays unchanged in the store; this only builds a copy. Image data after SOS is copied as is.
 * Returns null when the bytes are not a well-formed JPEG header sequence.
 */
export function stripJpegApp1(jpeg: Uint8Array): Buffer | null {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  const kept: Uint8Array[] = [jpeg.subarray(0, 2)];
  let i = 2;
  while (i < jpeg.length) {
    if (jpeg[i] !== 0xff) return null;
    // Fill bytes: any number of 0xFF may precede a marker.
    let m = i + 1;
    while (m < jpeg.length && jpeg[m] === 0xff) m++;
    if (m >= jpeg.length) return null;
    const marker = jpeg[m]!;
    // Markers without a length: TEM and RSTn (EOI ends the image).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(jpeg.subarray(i, m + 1));
      i = m + 1;
      continue;
    }
    if (marker === 0xd9) {
      kept.push(jpeg.subarray(i, m + 1));
      i = m + 1;
      break;
    }
    if (m + 2 >= jpeg.length) return null;
    const len = (jpeg[m + 1]! << 8) | jpeg[m + 2]!;
    const end = m + 1 + len;
    if (len < 2 || end > jpeg.length) return null;
    // From SOS on the entropy-coded data runs to EOI: keep everything that follows unchanged.
    if (marker === 0xda) {
      kept.push(jpeg.subarray(i));
      i = jpeg.length;
      break;
    }
    if (marker !== 0xe1) kept.push(jpeg.subarray(i, end));
    i = end;
  }
  if (i < jpeg.length) kept.push(jpeg.subarray(i));
  return Buffer.concat(kept);
}
