import { VI } from '../../common/i18n/messages.vi.js';
import type { UnitInScopeRow } from '../admin-units/admin-units.repository.js';
import { fold, type ImportField, type RowErrorCode } from './person-rows.js';

/** A unit as read for resolving (AdminUnitsRepository.unitsByCode, unitsInScope), with whether the importing user's scope covers it. */
export type UnitEntry = UnitInScopeRow;

export type UnitResolution =
  | { unitId: string }
  | { field: ImportField; code: RowErrorCode; message: string };

const PREFIX = /^(xa|phuong|thi tran|dac khu|thi xa)\s+/;

const stripPrefix = (folded: string) => folded.replace(PREFIX, '');

/**
 * Residence units named in a register, by code (any unit, so a code outside scope is told apart
 * from an unknown one) or by name (only units in the caller's scope: a name elsewhere is unknown).
 */
export class UnitDirectory {
  private readonly byCode = new Map<string, UnitEntry>();
  private readonly byUpperCode = new Map<string, UnitEntry[]>();
  private readonly byName = new Map<string, UnitEntry[]>();
  private readonly byShortName = new Map<string, UnitEntry[]>();

  constructor(codedUnits: UnitEntry[], unitsInScope: UnitEntry[]) {
    const all = new Map([...codedUnits, ...unitsInScope].map((u) => [u.id, u]));
    for (const u of all.values()) {
      this.byCode.set(u.code, u);
      push(this.byUpperCode, u.code.toUpperCase(), u);
    }
    for (const u of unitsInScope) {
      if (!u.inScope) continue;
      push(this.byName, fold(u.name), u);
      push(this.byShortName, stripPrefix(fold(u.name)), u);
    }
  }

  resolve(code: string | null, name: string | null): UnitResolution {
    if (code) return this.checkUnit(this.findCode(code), 'unitCode');
    const folded = fold(name ?? '');
    let found = this.byName.get(folded) ?? [];
    if (!found.length) found = this.byShortName.get(stripPrefix(folded)) ?? [];
    if (found.length > 1) {
      const communes = found.filter((u) => u.level === 'commune');
      if (communes.length === 1) return { unitId: communes[0].id };
      return {
        field: 'unitName',
        code: 'ambiguous_unit',
        message: VI.unit.ambiguousName(found.length),
      };
    }
    return this.checkUnit(found[0], 'unitName');
  }

  private findCode(code: string): UnitEntry | undefined {
    const exact = this.byCode.get(code);
    if (exact) return exact;
    const loose = this.byUpperCode.get(code.toUpperCase()) ?? [];
    return loose.length === 1 ? loose[0] : undefined;
  }

  private checkUnit(unit: UnitEntry | undefined, field: ImportField): UnitResolution {
    if (!unit) return { field, code: 'unknown_unit', message: VI.unit.unknown };
    if (!unit.inScope) return { field, code: 'unit_out_of_scope', message: VI.unit.outOfScope };
    if (unit.level !== 'commune') return { field, code: 'unit_not_commune', message: VI.unit.notCommune };
    return { unitId: unit.id };
  }
}

function push(map: Map<string, UnitEntry[]>, key: string, unit: UnitEntry): void {
  const list = map.get(key);
  if (!list) map.set(key, [unit]);
  else if (!list.some((u) => u.id === unit.id)) list.push(unit);
}
