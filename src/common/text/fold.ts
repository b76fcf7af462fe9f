/**
 * Vietnamese text as people type it when they search or fill a register: lower case, without
 * diacritics (đ → d), runs of whitespace as one space, trimmed. `punctuation: 'space'` also turns
 * every run of characters other than letters and digits into a space (register headers, names
 * compared across files); by default punctuation stays (case codes such as HN01-2025-00007).
 */
export function foldText(text: string, { punctuation = 'keep' }: { punctuation?: 'keep' | 'space' } = {}): string {
  const bare = text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return (punctuation === 'space' ? bare.replace(/[^\p{L}\p{N}]+/gu, ' ') : bare.replace(/\s+/g, ' ')).trim();
}
