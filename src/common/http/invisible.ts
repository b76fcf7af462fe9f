/**
 * Characters that change how text is shown without being seen: bidirectional controls (which can
 * make "Nguyễn Văn A" display as another name), zero-width spaces and joiners, word joiners, the
 * byte-order mark and the soft hyphen. Names are stored without them.
 */
export const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Unicode NFC, invisible characters removed, runs of whitespace as one space, trimmed: how names and free text are stored. */
export function cleanText(text: string): string {
  return stripInvisible(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
}
