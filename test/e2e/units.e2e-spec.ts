import { Access, personInScope, unitInScope } from '../../src/common/access/scope.js';
import { addDays } from '../../src/common/time/dates.js';
import type { Actor } from '../../src/common/auth/actor.js';
import { admin, type TestUser } from '../support/factories.js';
import { actorOf, cast, expectError, uniqueCode, type Cast, controlRefusal } from '../support/identity-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('administrative units', () => {
  let t: TestApp;
  let a: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    a = await admin(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (body: Record<string, unknown>) => t.as(a.token).post('/api/v1/admin-units', body);

  describe('creation', () => {
    it('builds province > district > commune, and a commune directly under a province', async () => {
      const pCode = uniqueCode('P');
      const p = await create({ code: pCode, name: '  Tỉnh Lâm Đồng ', level: 'province', population: 1_300_000 });
      expect(p.status).toBe(201);
      expect(p.body).toEqual({ id: expect.any(String), code: pCode, name: 'Tỉnh Lâm Đồng', level: 'province', parentId: null, population: 1_300_000 });

      const d = await create({ code: uniqueCode('D'), name: 'Huyện Đức Trọng', level: 'district', parentId: p.body.id });
      expect(d.status).toBe(201);
      expect(d.body).toMatchObject({ level: 'district', parentId: p.body.id, population: null });

      const c = await create({ code: uniqueCode('C'), name: 'Xã Tân Hội', level: 'commune', parentId: d.body.id });
      expect(c.status).toBe(201);
      expect(c.body).toMatchObject({ level: 'commune', parentId: d.body.id });

      const direct = await create({ code: uniqueCode('C'), name: 'Xã Hiệp Thạnh', level: 'commune', parentId: p.body.id });
      expect(direct.status).toBe(201);
      expect(direct.body).toMatchObject({ level: 'commune', parentId: p.body.id });

      // The materialized paths: each unit's path is its parent's path plus its own id.
      const rows: { id: string; path: string }[] = await t.db.query(`SELECT id, path FROM admin_units WHERE id = ANY($1)`, [
        [p.body.id, d.body.id, c.body.id, direct.body.id],
      ]);
      const path = Object.fromEntries(rows.map((r) => [r.id, r.path]));
      expect(path[p.body.id]).toBe(`${p.body.id}/`);
      expect(path[d.body.id]).toBe(`${p.body.id}/${d.body.id}/`);
      expect(path[c.body.id]).toBe(`${p.body.id}/${d.body.id}/${c.body.id}/`);
      expect(path[direct.body.id]).toBe(`${p.body.id}/${direct.body.id}/`);

      const got = await t.as(a.token).get(`/api/v1/admin-units/${c.body.id}`);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(c.body);
    });

    it('refuses a unit under the wrong level, a province with a parent, a district or commune without one, an unknown parent', async () => {
      const p = (await create({ code: uniqueCode('P'), name: 'P', level: 'province' })).body;
      const c = (await create({ code: uniqueCode('C'), name: 'C', level: 'commune', parentId: p.id })).body;
      const d = (await create({ code: uniqueCode('D'), name: 'D', level: 'district', parentId: p.id })).body;
      const cases: [Record<string, unknown>, string][] = [
        [{ level: 'district', parentId: c.id }, 'a district cannot be placed under a commune'],
        [{ level: 'commune', parentId: c.id }, 'a commune cannot be placed under a commune'],
        [{ level: 'district', parentId: d.id }, 'a district cannot be placed under a district'],
        [{ level: 'province', parentId: p.id }, 'a province has no parent'],
        [{ level: 'district' }, 'a district needs a parent unit'],
        [{ level: 'commune' }, 'a commune needs a parent unit'],
        [{ level: 'commune', parentId: '6f1c2a4e-0000-4000-8000-000000000000' }, 'no such unit'],
      ];
      for (const [body, reason] of cases) {
        const res = await create({ code: uniqueCode('X'), name: 'X', ...body });
        expectError(res, 400, 'Bad Request');
        expect(res.body.message).toEqual([`parentId: ${reason}`]);
      }
      const count: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM admin_units WHERE name = 'X'`);
      expect(count[0].n).toBe(0);
    });

    it('answers a duplicate code with 409 and writes nothing', async () => {
      const code = uniqueCode('P');
      expect((await create({ code, name: 'First', level: 'province' })).status).toBe(201);
      const again = await create({ code, name: 'Second', level: 'province' });
      expectError(again, 409, 'Conflict');
      expect(again.body.message).toContain('code');
      const rows: unknown[] = await t.db.query(`SELECT 1 FROM admin_units WHERE code = $1`, [code]);
      expect(rows).toHaveLength(1);
    });

    it('names bad fields: negative population, unknown level, malformed parentId', async () => {
      const res = await create({ code: uniqueCode('P'), name: 'P', level: 'ward', population: -1, parentId: 'nope' });
      expectError(res, 400, 'Bad Request');
      const text = (res.body.message as string[]).join(' | ');
      expect(text).toMatch(/level/);
      expect(text).toMatch(/population/);
      expect(text).toMatch(/parentId/);
    });
  });

  describe('lists', () => {
    let c: Cast;
    beforeAll(async () => {
      c = await cast(t);
    });
    const list = async (query: string) => {
      const res = await t.as(c.users.commune_worker.token).get(`/api/v1/admin-units?${query}`);
      expect(res.status).toBe(200);
      return res.body as { items: { id: string }[]; total: number; page: number; pageSize: number };
    };
    const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();

    it('filters by parentId: direct children only, including a commune without a district', async () => {
      expect(ids(await list(`parentId=${c.w.p.id}`))).toEqual([c.w.d.id, c.w.c3.id].sort());
      expect(ids(await list(`parentId=${c.w.d.id}`))).toEqual([c.w.c1.id, c.w.c2.id].sort());
    });

    it('filters by withinUnitId: the unit and its whole subtree, never another province', async () => {
      const body = await list(`withinUnitId=${c.w.p.id}&pageSize=100`);
      expect(ids(body)).toEqual([c.w.p.id, c.w.d.id, c.w.c1.id, c.w.c2.id, c.w.c3.id].sort());
      expect(body.total).toBe(5);
      expect(ids(await list(`withinUnitId=${c.w.q.id}`))).toEqual([c.w.q.id, c.w.qc.id].sort());
      expect(ids(await list(`withinUnitId=${c.w.p.id}&level=commune`))).toEqual([c.w.c1.id, c.w.c2.id, c.w.c3.id].sort());
      expect(await list('withinUnitId=6f1c2a4e-0000-4000-8000-000000000000')).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    });

    it('filters by level and by q on code or name, with LIKE wildcards taken literally', async () => {
      const p = await t.db.query(`SELECT code FROM admin_units WHERE id = $1`, [c.w.c2.id]);
      expect(ids(await list(`q=${encodeURIComponent(p[0].code.toLowerCase())}`))).toEqual([c.w.c2.id]);
      expect(ids(await list(`q=${encodeURIComponent(`commune ${p[0].code}`)}`))).toEqual([c.w.c2.id]);
      expect((await list('q=%25')).total).toBe(0);
      const provinces = await list('level=province&pageSize=100');
      expect(ids(provinces)).toEqual(expect.arrayContaining([c.w.p.id, c.w.q.id]));
      expect(provinces.items.every((u) => (u as { level?: string }).level === 'province')).toBe(true);
    });

    it('pages: pageSize bounds the items, total counts them all', async () => {
      const all = await list(`withinUnitId=${c.w.p.id}`);
      const first = await list(`withinUnitId=${c.w.p.id}&page=1&pageSize=2`);
      const third = await list(`withinUnitId=${c.w.p.id}&page=3&pageSize=2`);
      expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(first.items).toHaveLength(2);
      expect(third.items).toHaveLength(1);
      expect(ids(third)).toEqual([all.items[4].id]);
      const tooBig = await t.as(c.users.commune_worker.token).get('/api/v1/admin-units?pageSize=101');
      expectError(tooBig, 400, 'Bad Request');
      expect(tooBig.body.message.join(' ')).toMatch(/pageSize/);
    });

    it('refuses control characters in q and in a name with a 400 naming the field', async () => {
      for (const [raw, ch] of [['%00', '\u0000'], ['%1B', '\u001b']]) {
        const bad = await t.as(c.users.commune_worker.token).get(`/api/v1/admin-units?q=a${raw}b`);
        expectError(bad, 400, 'Bad Request');
        expect(controlRefusal(bad.body.message, /^q must not contain (control|NUL) characters$/)).toBe(true);
        const created = await t.as(c.users.admin.token).post('/api/v1/admin-units', { code: uniqueCode('P'), name: `Tỉnh${ch}X`, level: 'province' });
        expectError(created, 400, 'Bad Request');
        expect(controlRefusal(created.body.message, /^name must not contain (control|NUL) characters$/)).toBe(true);
      }
    });

    it('answers 404 for an unknown unit and 400 naming an unknown level filter', async () => {
      expectError(await t.as(c.users.commune_worker.token).get('/api/v1/admin-units/6f1c2a4e-0000-4000-8000-000000000000'), 404, 'Not Found');
      const bad = await t.as(c.users.commune_worker.token).get('/api/v1/admin-units?level=ward');
      expectError(bad, 400, 'Bad Request');
      expect(bad.body.message.join(' ')).toMatch(/level/);
    });
  });

  describe('scope: Access.unit and the predicates', () => {
    let c: Cast;
    let actors: Record<string, Actor>;
    beforeAll(async () => {
      c = await cast(t);
      actors = {};
      for (const [role, u] of Object.entries(c.users)) actors[role] = await actorOf(t, u.id);
    });

    /** Which of the world's units Access.unit lets the actor reach (the others answer 404). */
    async function reachable(actor: Actor): Promise<string[]> {
      const access = t.app.get(Access);
      const names: string[] = [];
      for (const [name, u] of Object.entries({ p: c.w.p, d: c.w.d, c1: c.w.c1, c2: c.w.c2, c3: c.w.c3, q: c.w.q, qc: c.w.qc })) {
        try {
          const got = await access.unit(actor, u.id);
          expect(got).toEqual({ id: u.id, path: u.path, level: expect.any(String) });
          names.push(name);
        } catch (err) {
          expect((err as { code?: string }).code).toBe('not_found');
        }
      }
      return names;
    }

    it('admin reaches every unit', async () => {
      expect(await reachable(actors.admin)).toEqual(['p', 'd', 'c1', 'c2', 'c3', 'q', 'qc']);
    });

    it("a province officer reaches its whole subtree, including a commune without a district, and not another province", async () => {
      expect(await reachable(actors.province_officer)).toEqual(['p', 'd', 'c1', 'c2', 'c3']);
    });

    it('a commune worker reaches its commune only', async () => {
      expect(await reachable(actors.commune_worker)).toEqual(['c1']);
    });

    it('clinic and facility staff reach the subtree of their own unit', async () => {
      expect(await reachable(actors.clinic_staff)).toEqual(['c1']);
      expect(await reachable(actors.facility_staff)).toEqual(['p', 'd', 'c1', 'c2', 'c3']);
    });

    it('a district-level user reaches its communes only; a user without a unit reaches nothing', async () => {
      const district: Actor = { ...actors.commune_worker, role: 'province_officer', adminUnitId: c.w.d.id, unitPath: c.w.d.path };
      expect(await reachable(district)).toEqual(['d', 'c1', 'c2']);
      const lost: Actor = { ...actors.commune_worker, adminUnitId: null, unitPath: '' };
      expect(await reachable(lost)).toEqual([]);
    });

    it('Access.unit answers 404 for a malformed or unknown id, without a database error', async () => {
      const access = t.app.get(Access);
      await expect(access.unit(actors.admin, 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
      await expect(access.unit(actors.admin, '6f1c2a4e-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found' });
    });

    it('unitInScope filters a list query in SQL', async () => {
      const inScope = async (actor: Actor) => {
        const scope = unitInScope(actor, 'u.id');
        const rows: { id: string }[] = await t.db
          .createQueryBuilder()
          .select('u.id', 'id')
          .from('admin_units', 'u')
          .where('u.id IN (:...ids)', { ids: [c.w.p.id, c.w.d.id, c.w.c1.id, c.w.c2.id, c.w.c3.id, c.w.q.id, c.w.qc.id] })
          .andWhere(scope.sql, scope.params)
          .getRawMany();
        return rows.map((r) => r.id).sort();
      };
      expect(await inScope(actors.province_officer)).toEqual([c.w.p.id, c.w.d.id, c.w.c1.id, c.w.c2.id, c.w.c3.id].sort());
      expect(await inScope(actors.commune_worker)).toEqual([c.w.c1.id]);
      expect(await inScope(actors.admin)).toHaveLength(7);
    });

    describe('persons', () => {
      /** Inserts a bare person row living in `unitId`. */
      async function person(unitId: string): Promise<string> {
        const rows: { id: string }[] = await t.db.query(
          `INSERT INTO persons (case_code, full_name, search_text, date_of_birth, sex, residence_unit_id, status, registered_on)
           VALUES ($1, 'Nguyễn Văn A', 'nguyen van a', '1990-01-01', 'male', $2, 'using', '2025-01-01') RETURNING id`,
          [uniqueCode('CC'), unitId],
        );
        return rows[0].id;
      }
      /** An enrollment: active, ended two months ago (still in staff scope), or ended two years ago (out of it). */
      async function enroll(personId: string, type: 'methadone' | 'facility', facilityId: string, status: 'active' | 'ended' | 'endedLongAgo' = 'active') {
        const today = t.clock.today();
        const start = addDays(today, status === 'endedLongAgo' ? -800 : -120);
        const end = status === 'active' ? null : addDays(today, status === 'endedLongAgo' ? -730 : -60);
        await t.db.query(
          `INSERT INTO enrollments (person_id, type, facility_id, start_date, end_date, outcome, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [personId, type, facilityId, start, end, end ? 'completed' : null, end ? 'ended' : 'active'],
        );
      }

      let ppl: Record<string, string>;
      beforeAll(async () => {
        ppl = {
          inC1: await person(c.w.c1.id),
          inC3: await person(c.w.c3.id),
          inQC: await person(c.w.qc.id),
          atClinicP: await person(c.w.qc.id),
          atRehabP: await person(c.w.qc.id),
          atRehabLongAgo: await person(c.w.qc.id),
          atClinicQ: await person(c.w.c1.id),
        };
        await enroll(ppl.atClinicP, 'methadone', c.w.clinicP);
        await enroll(ppl.atRehabP, 'facility', c.w.rehabP, 'ended');
        // Staff see a person for STAFF_SCOPE_MONTHS (12) after the enrollment at their facility ended.
        await enroll(ppl.atRehabLongAgo, 'facility', c.w.rehabP, 'endedLongAgo');
        await enroll(ppl.atClinicQ, 'methadone', c.w.clinicQ);
      });

      async function visible(actor: Actor): Promise<string[]> {
        const access = t.app.get(Access);
        const out: string[] = [];
        for (const [name, id] of Object.entries(ppl)) {
          try {
            const got = await access.person(actor, id);
            expect(got.id).toBe(id);
            out.push(name);
          } catch (err) {
            expect((err as { code?: string }).code).toBe('not_found');
          }
        }
        return out.sort();
      }

      it('Access.person follows residence for unit roles and enrollment for facility roles', async () => {
        expect(await visible(actors.admin)).toEqual(Object.keys(ppl).sort());
        expect(await visible(actors.province_officer)).toEqual(['atClinicQ', 'inC1', 'inC3']);
        expect(await visible(actors.commune_worker)).toEqual(['atClinicQ', 'inC1']);
        expect(await visible(actors.clinic_staff)).toEqual(['atClinicP']);
        expect(await visible(actors.facility_staff)).toEqual(['atRehabP']);
      });

      it('personInScope filters a list in SQL the same way', async () => {
        const list = async (actor: Actor) => {
          const scope = personInScope(actor, 'p');
          const rows: { id: string }[] = await t.db
            .createQueryBuilder()
            .select('p.id', 'id')
            .from('persons', 'p')
            .where('p.id IN (:...ids)', { ids: Object.values(ppl) })
            .andWhere(scope.sql, scope.params)
            .getRawMany();
          return rows.map((r) => r.id).sort();
        };
        expect(await list(actors.province_officer)).toEqual([ppl.inC1, ppl.inC3, ppl.atClinicQ].sort());
        expect(await list(actors.clinic_staff)).toEqual([ppl.atClinicP]);
        expect(await list(actors.facility_staff)).toEqual([ppl.atRehabP]);
      });

      it('Access.person with forUpdate locks the row inside a transaction', async () => {
        await t.db.transaction(async (m) => {
          const got = await t.app.get(Access).person(actors.commune_worker, ppl.inC1, m, { forUpdate: true });
          expect(got).toEqual({ id: ppl.inC1, residenceUnitId: c.w.c1.id, closedOn: null });
          const locks: { n: number }[] = await m.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'transactionid'`,
          );
          expect(locks[0].n).toBeGreaterThan(0);
        });
        await expect(t.app.get(Access).person(actors.commune_worker, 'nope')).rejects.toMatchObject({ code: 'not_found' });
      });
    });
  });
});
