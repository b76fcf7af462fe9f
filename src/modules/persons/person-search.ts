import { foldText } from '../../common/text/fold.js';

/**
 * Search as Vietnamese users type: with or without diacritics, any case. Names and case codes are
 * folded once when written (`persons.search_text`) and the query is folded the same way, so a
 * plain LIKE on the trigram-indexed column finds "Trần Văn" from "Tran Van".
 */
export const foldForSearch = (text: string): string => foldText(text);

/** The stored search text of a file: folded name, then the case code in lower case. */
export function searchTextOf(fullName: string, caseCode: string): string {
  return `${foldForSearch(fullName)} ${caseCode.toLowerCase()}`;
}

/** Escapes LIKE wildcards (PostgreSQL's default escape character is the backslash). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The condition that a file (`<alias>` over `persons`) matches a search box's text: part of the name,
 * with or without diacritics, or of the case code, with its named parameter `:q`. None when the text
 * folds to nothing.
 */
export function searchTextMatches(alias: string, q: string | undefined): { sql: string; params: { q: string } } | undefined {
  const folded = q === undefined ? '' : foldForSearch(q);
  return folded ? { sql: `${alias}.search_text LIKE :q`, params: { q: `%${escapeLike(folded)}%` } } : undefined;
}
