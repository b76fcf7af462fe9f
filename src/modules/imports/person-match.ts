import type { IsoDate } from '../../common/time/dates.js';
import type { PersonStatus, Sex } from '../persons/person.entity.js';
import type { OpenFileToMatch } from '../persons/persons.repository.js';
import type { FieldCipher } from '../../common/crypto/field-cipher.js';
import { VI } from '../../common/i18n/messages.vi.js';
import { COLUMN_OF, fold, phoneDigits, type PersonRow, type RowError } from './person-rows.js';

/** A row whose unit is resolved and which no earlier row of the file duplicates. */
export interface ResolvedRow extends PersonRow {
  residenceUnitId: string;
}

/** An open file as the import compares it (address and phone decrypted). */
export interface OpenFile {
  id: string;
  version: number;
  fullName: string;
  dateOfBirth: IsoDate;
  sex: Sex;
  hasNationalId: boolean;
  /** The row's national id has this file's hash. */
  sameNationalId: boolean;
  residenceUnitId: string;
  address: string | null;
  phone: string | null;
  status: PersonStatus;
  substances: string[];
  managementDecisionOn: IsoDate | null;
  inDetention: boolean;
}

/** The fields of an open file a row changes, in the shape of a person update. */
export interface PersonChanges {
  fullName?: string;
  dateOfBirth?: IsoDate;
  sex?: Sex;
  nationalId?: string;
  residenceUnitId?: string;
  address?: string;
  phone?: string;
  status?: PersonStatus;
  substances?: string[];
  managementDecisionOn?: IsoDate;
  inDetention?: boolean;
}

const hasNonAscii = (s: string) => /[^\x20-\x7e]/.test(s);

/**
 * What a row changes in the file it matched. A blank cell changes nothing. A name that differs
 * only by diacritics, case or spacing is kept unless the row writes it with diacritics (a register
 * typed without them does not strip the accents of a file). The date the file was opened is never
 * changed by an import.
 */
export function changesFor(row: ResolvedRow, file: OpenFile): PersonChanges {
  const c: PersonChanges = {};
  if (row.fullName !== file.fullName && (fold(row.fullName) !== fold(file.fullName) || hasNonAscii(row.fullName))) {
    c.fullName = row.fullName;
  }
  if (row.dateOfBirth !== file.dateOfBirth) c.dateOfBirth = row.dateOfBirth;
  if (row.sex !== file.sex) c.sex = row.sex;
  if (row.nationalId && !file.sameNationalId) c.nationalId = row.nationalId;
  if (row.residenceUnitId !== file.residenceUnitId) c.residenceUnitId = row.residenceUnitId;
  if (row.address !== null && row.address !== file.address) c.address = row.address;
  if (row.phone !== null && (file.phone === null || phoneDigits(row.phone) !== phoneDigits(file.phone))) c.phone = row.phone;
  if (row.status !== file.status) c.status = row.status;
  if (row.substances !== null && !sameSet(row.substances, file.substances)) c.substances = row.substances;
  if (row.managementDecisionOn !== null && row.managementDecisionOn !== file.managementDecisionOn) {
    c.managementDecisionOn = row.managementDecisionOn;
  }
  if (row.inDetention !== null && row.inDetention !== file.inDetention) c.inDetention = row.inDetention;
  return c;
}

function sameSet(a: string[], b: string[]): boolean {
  const fa = new Set(a.map(fold));
  const fb = new Set(b.map(fold));
  return fa.size === fb.size && [...fa].every((x) => fb.has(x));
}

/** The key of "the same person" when there is no national id: folded name, date of birth, residence. */
export const personKey = (fullName: string, dateOfBirth: IsoDate, unitId: string) => `${fold(fullName)}|${dateOfBirth}|${unitId}`;

export interface DuplicateCheck {
  /** Row number of the earlier row this one repeats, if any. */
  duplicateOf?: number;
}

/**
 * Rows of one file that describe the same person: the same national id, or (when one of them has
 * no national id) the same name, date of birth and residence. The first row wins.
 */
export class FileDuplicates {
  private readonly byNationalId = new Map<string, number>();
  private readonly byKeyAny = new Map<string, number>();
  private readonly byKeyWithoutId = new Map<string, number>();

  check(row: ResolvedRow): DuplicateCheck {
    const key = personKey(row.fullName, row.dateOfBirth, row.residenceUnitId);
    const earlier = row.nationalId
      ? (this.byNationalId.get(row.nationalId) ?? this.byKeyWithoutId.get(key))
      : this.byKeyAny.get(key);
    if (earlier !== undefined) return { duplicateOf: earlier };
    if (row.nationalId) this.byNationalId.set(row.nationalId, row.row);
    else this.byKeyWithoutId.set(key, row.row);
    if (!this.byKeyAny.has(key)) this.byKeyAny.set(key, row.row);
    return {};
  }
}

/** An open file as read for matching (PersonsRepository.openFilesToMatch), address and phone still encrypted. */
export type OpenFileRow = OpenFileToMatch;

/** `elsewhere`: the row's national id is an open file outside the caller's area (its id). */
export type Match = { file?: OpenFile } | { error: Omit<RowError, 'row'> } | { elsewhere: string };

/** Which open file, if any, a row is. */
export class OpenFileIndex {
  private readonly byHash = new Map<string, OpenFileRow>();
  private readonly byKey = new Map<string, OpenFileRow[]>();

  constructor(
    hashRows: OpenFileRow[],
    keyRows: OpenFileRow[],
    private readonly hashes: Map<string, Buffer>,
    private readonly cipher: FieldCipher,
  ) {
    for (const f of hashRows) if (f.nationalIdHash) this.byHash.set(f.nationalIdHash.toString('hex'), f);
    const seen = new Set<string>();
    for (const f of keyRows) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      const key = personKey(f.fullName, f.dateOfBirth, f.residenceUnitId);
      const list = this.byKey.get(key);
      if (list) list.push(f);
      else this.byKey.set(key, [f]);
    }
  }

  match(row: ResolvedRow): Match {
    const hash = row.nationalId ? this.hashes.get(row.nationalId)! : undefined;
    if (hash) {
      const f = this.byHash.get(hash.toString('hex'));
      if (f) {
        if (!f.inScope) return { elsewhere: f.id };
        return { file: this.openFile(f, row) };
      }
    }
    const key = personKey(row.fullName, row.dateOfBirth, row.residenceUnitId);
    // A row with a national id may complete a file opened without one; never a file with another id.
    const candidates = (this.byKey.get(key) ?? []).filter((f) => f.inScope && (!hash || !f.nationalIdHash));
    if (candidates.length > 1) {
      return { error: { column: COLUMN_OF.get('fullName')!.header, field: 'fullName', code: 'ambiguous_match', message: VI.match.ambiguous(candidates.length) } };
    }
    return candidates.length ? { file: this.openFile(candidates[0], row) } : {};
  }

  private openFile(f: OpenFileRow, row: ResolvedRow): OpenFile {
    const hash = row.nationalId ? this.hashes.get(row.nationalId) : undefined;
    return {
      id: f.id,
      version: f.version,
      fullName: f.fullName,
      dateOfBirth: f.dateOfBirth,
      sex: f.sex,
      hasNationalId: !!f.nationalIdHash,
      sameNationalId: !!hash && !!f.nationalIdHash && f.nationalIdHash.equals(hash),
      residenceUnitId: f.residenceUnitId,
      // Decrypted only when the row gives a value to compare.
      address: row.address !== null ? this.cipher.decryptOptional(f.addressCipher) : null,
      phone: row.phone !== null ? this.cipher.decryptOptional(f.phoneCipher) : null,
      status: f.status,
      substances: f.substances,
      managementDecisionOn: f.managementDecisionOn,
      inDetention: f.inDetention,
    };
  }
}
