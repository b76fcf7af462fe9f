import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { personInScope, unitInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import type { OpenFileRow } from './person-match.js';
import type { UnitEntry } from './unit-directory.js';

/** Namespace of the advisory locks that serialise imports into the same commune. */
const UNIT_LOCK_NAMESPACE = 7_347_010;

/**
 * What an import reads of tables other modules own (users, admin_units, persons), in one place.
 * Each statement is a read; they are to move behind the owners' repositories.
 */
@Injectable()
export class ImportLookups {
  constructor(private readonly db: DataSource) {}

  /** Units by code (any unit, with whether the caller's scope covers it); with `inScopeOnly`, every unit of the caller's scope. */
  async units(actor: Actor, filter: { codes: string[] } | { inScopeOnly: true }): Promise<UnitEntry[]> {
    const scope = unitInScope(actor, 'u.id');
    const qb = this.db
      .createQueryBuilder()
      .select(['u.id AS id', 'u.code AS code', 'u.name AS name', 'u.level AS level'])
      .addSelect(`(${scope.sql})`, 'inScope')
      .from('admin_units', 'u')
      .setParameters(scope.params);
    if ('codes' in filter) return qb.where('upper(u.code) IN (:...codes)', { codes: filter.codes }).getRawMany();
    return qb.where(scope.sql, scope.params).getRawMany();
  }

  /** The communes of the caller's scope, by name (for the template), at most `limit`. */
  communesInScope(actor: Actor, limit: number): Promise<{ code: string; name: string }[]> {
    const scope = unitInScope(actor, 'u.id');
    return this.db
      .createQueryBuilder()
      .select(['u.code AS code', 'u.name AS name'])
      .from('admin_units', 'u')
      .where(`u.level = 'commune'`)
      .andWhere(scope.sql, scope.params)
      .orderBy('u.name')
      .addOrderBy('u.code')
      .limit(limit)
      .getRawMany();
  }

  /**
   * Two imports into the same commune take turns batch by batch, so the second sees the files the
   * first has just created (rows without national id have no unique index to stop a double).
   */
  async lockUnits(m: EntityManager, unitIds: string[]): Promise<void> {
    const units = [...new Set(unitIds)];
    if (!units.length) return;
    await m.query(`SELECT pg_advisory_xact_lock($1::int, k) FROM (SELECT hashtext(u) AS k FROM unnest($2::text[]) AS u ORDER BY 1) s`, [
      UNIT_LOCK_NAMESPACE,
      units,
    ]);
  }

  /**
   * Open files with one of these national id hashes, and open files living in one of these units
   * born on that day (`pairs`: unit id and date of birth), each with whether the caller's scope covers it.
   */
  async openFiles(m: EntityManager, actor: Actor, hashes: Buffer[], pairs: [string, string][]): Promise<{ byHash: OpenFileRow[]; byKey: OpenFileRow[] }> {
    const scope = personInScope(actor, 'p');
    const select = () =>
      m
        .createQueryBuilder()
        .select([
          'p.id AS id',
          'p.version AS version',
          'p.full_name AS "fullName"',
          'p.date_of_birth AS "dateOfBirth"',
          'p.sex AS sex',
          'p.national_id_hash AS "nationalIdHash"',
          'p.residence_unit_id AS "residenceUnitId"',
          'p.address_cipher AS "addressCipher"',
          'p.phone_cipher AS "phoneCipher"',
          'p.status AS status',
          'p.substances AS substances',
          'p.management_decision_on AS "managementDecisionOn"',
          'p.in_detention AS "inDetention"',
        ])
        .addSelect(`(${scope.sql})`, 'inScope')
        .from('persons', 'p')
        .where('p.closed_on IS NULL')
        .setParameters(scope.params);
    const byHash: OpenFileRow[] = hashes.length ? await select().andWhere('p.national_id_hash IN (:...hashes)', { hashes }).getRawMany() : [];
    const byKey: OpenFileRow[] = pairs.length
      ? await select()
          .innerJoin(
            '(SELECT x.u AS unit_id, x.d AS dob FROM unnest(CAST(:units AS uuid[]), CAST(:dobs AS date[])) AS x(u, d))',
            'k',
            'p.residence_unit_id = k.unit_id AND p.date_of_birth = k.dob',
          )
          .setParameter('units', pairs.map((p) => p[0]))
          .setParameter('dobs', pairs.map((p) => p[1]))
          .getRawMany()
      : [];
    return { byHash, byKey };
  }
}
