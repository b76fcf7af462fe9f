import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { invalid } from '../../common/errors/app-error.js';
import { AdminUnitsRepository, unitIdsOnPath } from '../admin-units/admin-units.repository.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import { SupervisionRepository } from './supervision.repository.js';

/**
 * Who answers for a person's supervision. The responsible worker is an active commune worker whose
 * area holds the person's residence commune. By default: a worker of the commune itself (where it
 * has none, of the nearest unit above it), the one with the fewest active supervisions, so a
 * commune's work is shared out; ties by username, so the choice is repeatable.
 *
 * Read through the owners' repositories (the person's residence, its unit's path, the workers of
 * the units on that path, their active supervisions): a few keyed reads, whatever the number of
 * workers. Provided to every module with the repositories (transfers and relapse call it too).
 */
@Injectable()
export class ResponsibleWorkers {
  constructor(
    private readonly persons: PersonsRepository,
    private readonly units: AdminUnitsRepository,
    private readonly users: UsersRepository,
    private readonly supervisions: SupervisionRepository,
  ) {}

  /** The default responsible worker of the person, or null when no unit above the residence has one. */
  async defaultFor(m: EntityManager, personId: string): Promise<string | null> {
    const onPath = await this.unitsAboveResidence(m, personId);
    if (!onPath.length) return null;
    const workers = await this.users.activeCommuneWorkersOf(m, onPath);
    if (!workers.length) return null;
    // The nearest unit with workers: the one deepest on the residence's path.
    const depth = (unitId: string) => onPath.indexOf(unitId);
    const nearest = Math.max(...workers.map((w) => depth(w.adminUnitId)));
    const candidates = workers.filter((w) => depth(w.adminUnitId) === nearest);
    if (candidates.length === 1) return candidates[0].id;
    const counts = await this.supervisions.activeCountsOf(m, candidates.map((w) => w.id));
    const load = (w: { id: string }) => counts.get(w.id) ?? 0;
    // The first of the least loaded, in username order.
    return candidates.reduce((best, w) => (load(w) < load(best) ? w : best)).id;
  }

  /** A supervisor must be an active commune worker whose area holds the person's residence. */
  async check(m: EntityManager, userId: string, personId: string): Promise<void> {
    const user = await this.users.findActive(userId, m);
    const holds =
      user?.role === 'commune_worker' && user.adminUnitId !== null && (await this.unitsAboveResidence(m, personId)).includes(user.adminUnitId);
    if (!holds) throw invalid('supervisorUserId', "must be an active commune worker whose area holds the person's residence");
  }

  /** The units whose area holds the person's residence commune, the province first and the commune last; none for no such person. */
  private async unitsAboveResidence(m: EntityManager, personId: string): Promise<string[]> {
    const person = await this.persons.residenceOf(m, personId);
    const path = person && (await this.units.pathOf(person.residence_unit_id, m));
    return path ? unitIdsOnPath(path) : [];
  }
}
