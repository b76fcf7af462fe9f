import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { VI } from '../../common/i18n/messages.vi.js';
import { unitInScope } from '../../common/access/scope.js';
import { Clock } from '../../common/time/clock.js';
import { AdminUnitsRepository } from '../admin-units/admin-units.repository.js';
import { FileDuplicates, type ResolvedRow } from './person-match.js';
import { COLUMN_OF, readPersonRow, type mapHeaders, type RowError, type SheetRow } from './person-rows.js';
import { UnitDirectory, type UnitEntry } from './unit-directory.js';

/** A row of the file with what validation made of it. */
export interface Line {
  sheet: SheetRow;
  row?: ResolvedRow;
  errors: Omit<RowError, 'row'>[];
}

/**
 * Row reading and validation: every data row read (person-rows.ts), its residence unit resolved
 * (unit-directory.ts) and checked against the file's earlier rows. Nothing is written.
 */
@Injectable()
export class PersonRowValidator {
  constructor(
    private readonly clock: Clock,
    private readonly units: AdminUnitsRepository,
  ) {}

  async validate(actor: Actor, dataRows: SheetRow[], map: ReturnType<typeof mapHeaders>['map']): Promise<Line[]> {
    const today = this.clock.today();
    const read = dataRows.map((sheet) => ({ sheet, ...readPersonRow(sheet, map, today) }));
    const units = await this.unitDirectory(
      actor,
      read.flatMap((r) => (r.person?.unitCode ? [r.person.unitCode] : [])),
      read.some((r) => r.person && !r.person.unitCode),
    );
    const duplicates = new FileDuplicates();
    return read.map(({ sheet, person, errors }): Line => {
      const strip = (e: RowError) => ({ column: e.column, field: e.field, code: e.code, message: e.message });
      if (!person) return { sheet, errors: errors.map(strip) };
      const unit = units.resolve(person.unitCode, person.unitName);
      if (!('unitId' in unit)) {
        return { sheet, errors: [{ column: COLUMN_OF.get(unit.field)!.header, field: unit.field, code: unit.code, message: unit.message }] };
      }
      const row: ResolvedRow = { ...person, residenceUnitId: unit.unitId };
      const dup = duplicates.check(row);
      if (dup.duplicateOf !== undefined) {
        const field = row.nationalId ? 'nationalId' : 'fullName';
        return {
          sheet,
          errors: [{ column: COLUMN_OF.get(field)!.header, field, code: 'duplicate_in_file', message: VI.match.duplicateInFile(dup.duplicateOf, !!row.nationalId) }],
        };
      }
      return { sheet, row, errors: [] };
    });
  }

  /** Units named by code (any, so "outside your scope" differs from "unknown") and, if names are used, the caller's units. */
  private async unitDirectory(actor: Actor, codes: string[], byName: boolean): Promise<UnitDirectory> {
    const distinct = [...new Set(codes.flatMap((c) => [c, c.toUpperCase()]))];
    const scope = unitInScope(actor, 'u.id');
    const coded: UnitEntry[] = distinct.length ? await this.units.unitsByCode([...new Set(distinct.map((c) => c.toUpperCase()))], scope) : [];
    const named: UnitEntry[] = byName ? await this.units.unitsInScope(scope) : [];
    return new UnitDirectory(coded, named);
  }
}
