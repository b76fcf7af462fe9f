import pg from 'pg';
import { FieldCipher } from '../src/common/crypto/field-cipher.js';
import type { AppConfig } from '../src/config/config.js';
import { searchTextOf } from '../src/modules/persons/person-search.js';
import { Passwords } from '../src/modules/users/passwords.js';
import { IdSource, Prng, weighted } from './prng.js';
import { Rows } from './rows.js';
import {
  CONTACT_NOTES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  PLACE_SYLLABLES,
  PROVINCES,
  STREETS,
  SUBSTANCES,
} from './vietnam.js';

/**
 * The synthetic country: a province tree, facilities, users, and people with files, treatment,
 * doses, service contacts and post-rehab supervision, generated from one seed and written with
 * array inserts, a chunk of people per transaction.
 */

export interface SeedOptions {
  databaseUrl: string;
  /** Validated service configuration: its DATA_KEY encrypts the fields, its argon2 cost hashes passwords. */
  config: AppConfig;
  persons: number;
  seed?: number;
  provinces?: number;
  communesPerProvince?: number;
  /** The "today" of the data (files, doses and follow-ups up to it). Default: today in TZ_NAME. */
  asOf?: string;
  /** Days of methadone dose rows per methadone enrollment (the last days it ran). */
  doseDays?: number;
  /** Share of people whose national id, phone and address are encrypted (the rest stay NULL). */
  encryptShare?: number;
  /** Password of every seeded user except the administrator. */
  password?: string;
  adminUsername?: string;
  adminPassword?: string;
  /** People generated and written per transaction. */
  chunk?: number;
  log?: (line: string) => void;
}

export interface SeedResult {
  seed: number;
  asOf: string;
  persons: number;
  rows: Record<string, number>;
  ms: { total: number; world: number; people: number; finish: number; encryption: number; write: Record<string, number> };
  credentials: { admin: { username: string; password: string | null }; users: { password: string; examples: Record<string, string> } };
}

export const DEFAULT_PASSWORD = 'bench-password-2025';
export const DEFAULT_ADMIN_PASSWORD = 'bench-admin-password';

const DAY_MS = 86_400_000;
const FOLLOW_UP_INTERVAL = 30;
const GRACE_DAYS = 7;

const toDay = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
const isoCache = new Map<number, string>();
function iso(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}
/** Calendar months later; a missing day falls back to the month's last day (as src/common/time). */
function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY_MS;
}
const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();
function ageOn(dob: number, on: number): number {
  const a = new Date(dob * DAY_MS);
  const b = new Date(on * DAY_MS);
  const before = b.getUTCMonth() < a.getUTCMonth() || (b.getUTCMonth() === a.getUTCMonth() && b.getUTCDate() < a.getUTCDate());
  return b.getUTCFullYear() - a.getUTCFullYear() - (before ? 1 : 0);
}
/** A time of day on `day` in Vietnam (UTC+7, no daylight saving). */
const stamp = (day: number, minuteOfDay: number) =>
  new Date(day * DAY_MS + (minuteOfDay - 7 * 60) * 60_000).toISOString();

interface Commune {
  id: string;
  code: string;
  name: string;
  province: number;
  workerId: string;
  stationId: string;
}

interface ProvinceInfo {
  id: string;
  code: string;
  clinics: { id: string; staffId: string }[];
  rehabs: { id: string; staffId: string }[];
}

const CLOSE_REASONS = weighted([
  ['moved_away', 30],
  ['deceased', 10],
  ['management_ended', 30],
  ['detained', 15],
  ['other', 15],
] as const);
const ENROLLMENT_KINDS = weighted([
  ['community', 40],
  ['methadone', 35],
  ['facility_voluntary', 15],
  ['facility_compulsory', 10],
] as const);
const TREATMENT_OUTCOMES = weighted([
  ['completed', 55],
  ['dropped_out', 20],
  ['relapsed', 10],
  ['transferred', 8],
  ['other', 5],
  ['deceased', 2],
] as const);
const METHADONE_OUTCOMES = weighted([
  ['completed', 25],
  ['dropped_out', 35],
  ['transferred', 15],
  ['relapsed', 10],
  ['other', 10],
  ['deceased', 5],
] as const);
const CONTACTS_PER_PERSON = weighted([
  [0, 30],
  [1, 25],
  [2, 20],
  [3, 12],
  [4, 8],
  [6, 5],
] as const);
const CONTACT_TYPES = {
  using: weighted([
    ['counseling', 45],
    ['support', 30],
    ['medical', 15],
    ['vocational', 10],
  ] as const),
  addicted: weighted([
    ['counseling', 30],
    ['support', 25],
    ['medical', 30],
    ['vocational', 15],
  ] as const),
};
const VISIT_METHODS = weighted([
  ['home_visit', 50],
  ['phone', 25],
  ['office', 25],
] as const);
const DRUG_TESTS = weighted([
  ['negative', 70],
  ['not_done', 25],
  ['positive', 5],
] as const);

export const TABLES = {
  adminUnits: () =>
    new Rows('admin_units', [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['level', 'text'],
      ['parent_id', 'uuid'],
      ['path', 'text'],
      ['population', 'int'],
    ]),
  facilities: () =>
    new Rows('facilities', [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['type', 'text'],
      ['admin_unit_id', 'uuid'],
    ]),
  users: () =>
    new Rows('users', [
      ['id', 'uuid'],
      ['username', 'text'],
      ['password_hash', 'text'],
      ['full_name', 'text'],
      ['role', 'text'],
      ['admin_unit_id', 'uuid'],
      ['facility_id', 'uuid'],
    ]),
  persons: () =>
    new Rows('persons', [
      ['id', 'uuid'],
      ['case_code', 'text'],
      ['full_name', 'text'],
      ['search_text', 'text'],
      ['date_of_birth', 'date'],
      ['sex', 'text'],
      ['national_id_cipher', 'bytea'],
      ['national_id_hash', 'bytea'],
      ['residence_unit_id', 'uuid'],
      ['address_cipher', 'bytea'],
      ['phone_cipher', 'bytea'],
      ['status', 'text'],
      ['substances', 'text_list'],
      ['registered_on', 'date'],
      ['management_decision_on', 'date'],
      ['in_detention', 'bool'],
      ['closed_on', 'date'],
      ['close_reason', 'text'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ]),
  personEvents: () =>
    new Rows('person_events', [
      ['id', 'uuid'],
      ['person_id', 'uuid'],
      ['kind', 'text'],
      ['event_date', 'date'],
      ['data', 'jsonb'],
      ['recorded_by', 'uuid'],
      ['recorded_at', 'timestamptz'],
    ]),
  enrollments: () =>
    new Rows('enrollments', [
      ['id', 'uuid'],
      ['person_id', 'uuid'],
      ['type', 'text'],
      ['mode', 'text'],
      ['facility_id', 'uuid'],
      ['start_date', 'date'],
      ['planned_end_date', 'date'],
      ['end_date', 'date'],
      ['outcome', 'text'],
      ['status', 'text'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ]),
  doses: () =>
    new Rows('methadone_doses', [
      ['id', 'uuid'],
      ['enrollment_id', 'uuid'],
      ['date', 'date'],
      ['dose_mg', 'numeric'],
      ['status', 'text'],
      ['recorded_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ]),
  contacts: () =>
    new Rows('service_contacts', [
      ['id', 'uuid'],
      ['person_id', 'uuid'],
      ['type', 'text'],
      ['date', 'date'],
      ['facility_id', 'uuid'],
      ['notes_cipher', 'bytea'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
    ]),
  supervisions: () =>
    new Rows('supervisions', [
      ['id', 'uuid'],
      ['person_id', 'uuid'],
      ['source_enrollment_id', 'uuid'],
      ['start_date', 'date'],
      ['end_date', 'date'],
      ['interval_days', 'int'],
      ['supervisor_user_id', 'uuid'],
      ['status', 'text'],
      ['outcome', 'text'],
      ['ended_on', 'date'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ]),
  followUps: () =>
    new Rows('follow_ups', [
      ['id', 'uuid'],
      ['supervision_id', 'uuid'],
      ['due_date', 'date'],
      ['status', 'text'],
      ['visit_id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ]),
  visits: () =>
    new Rows('visits', [
      ['id', 'uuid'],
      ['supervision_id', 'uuid'],
      ['follow_up_id', 'uuid'],
      ['visit_date', 'date'],
      ['method', 'text'],
      ['drug_test', 'text'],
      ['relapse', 'bool'],
      ['notes_cipher', 'bytea'],
      ['recorded_by', 'uuid'],
      ['created_at', 'timestamptz'],
    ]),
};

type PeopleTables = {
  persons: Rows;
  personEvents: Rows;
  enrollments: Rows;
  doses: Rows;
  contacts: Rows;
  supervisions: Rows;
  followUps: Rows;
  visits: Rows;
  /** follow-up id → visit id, set after both are in (the two tables reference each other). */
  links: { followUp: string[]; visit: string[] };
};

const newPeopleTables = (): PeopleTables => ({
  persons: TABLES.persons(),
  personEvents: TABLES.personEvents(),
  enrollments: TABLES.enrollments(),
  doses: TABLES.doses(),
  contacts: TABLES.contacts(),
  supervisions: TABLES.supervisions(),
  followUps: TABLES.followUps(),
  visits: TABLES.visits(),
  links: { followUp: [], visit: [] },
});

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Generates and writes the whole data set into an empty, migrated database. */
export async function seedDatabase(opts: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const seed = opts.seed ?? 1;
  const asOf = opts.asOf ?? todayIn(opts.config.tzName);
  const today = toDay(asOf);
  const provinceCount = opts.provinces ?? PROVINCES.length;
  const communesPer = opts.communesPerProvince ?? 98;
  const doseDays = opts.doseDays ?? 30;
  const encryptShare = opts.encryptShare ?? 1;
  const password = opts.password ?? DEFAULT_PASSWORD;
  const adminUsername = opts.adminUsername ?? opts.config.adminUsername;
  const adminPassword = opts.adminPassword ?? opts.config.adminPassword ?? DEFAULT_ADMIN_PASSWORD;
  const chunk = opts.chunk ?? 10_000;

  const rng = new Prng(seed);
  const ids = new IdSource(seed);
  const cipher = new FieldCipher(opts.config);
  const passwords = new Passwords(opts.config);

  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    // Durability of each commit is not needed while loading; the final VACUUM writes everything.
    await client.query(`SET synchronous_commit = off`);
    // Foreign-key triggers roughly double the cost of loading. A superuser may skip them
    // (replica mode); every foreign key is then checked at the end in one set-based pass.
    const skipTriggers = await client
      .query(`SET session_replication_role = replica`)
      .then(() => true)
      .catch(() => false);
    const { rows: existing } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM admin_units`);
    if (existing[0].n > 0) throw new Error('the database already holds administrative units: seed an empty, migrated database');

    // ---- the world: units, facilities, users ----
    const units = TABLES.adminUnits();
    const facilities = TABLES.facilities();
    const users = TABLES.users();
    const [userHash, adminHash] = await Promise.all([passwords.hash(password), passwords.hash(adminPassword)]);
    const communes: Commune[] = [];
    const provinces: ProvinceInfo[] = [];
    const examples: Record<string, string> = {};
    let districtSeq = 0;
    let communeSeq = 0;
    for (let p = 0; p < provinceCount; p++) {
      const def = PROVINCES[p] ?? { code: `T${p + 1}`, name: `Tỉnh Thử nghiệm ${p + 1}`, districts: p % 2 === 0 };
      const pid = ids.next();
      units.push(pid, def.code, def.name, 'province', null, `${pid}/`, rng.int(800_000, 9_000_000));
      const officerId = ids.next();
      users.push(officerId, `po.${def.code}`, userHash, null, 'province_officer', pid, null);
      const info: ProvinceInfo = { id: pid, code: def.code, clinics: [], rehabs: [] };
      provinces.push(info);
      const districts: { id: string; path: string }[] = [];
      if (def.districts) {
        const n = Math.max(1, Math.ceil((communesPer * 0.8) / 10));
        for (let d = 0; d < n; d++) {
          const did = ids.next();
          const code = String(++districtSeq).padStart(3, '0');
          units.push(did, code, `Huyện ${rng.pick(PLACE_SYLLABLES)} ${rng.pick(PLACE_SYLLABLES)}`, 'district', pid, `${pid}/${did}/`, rng.int(60_000, 300_000));
          districts.push({ id: did, path: `${pid}/${did}/` });
        }
      }
      const city = def.name.startsWith('Thành phố');
      for (let c = 0; c < communesPer; c++) {
        const cid = ids.next();
        const code = String(++communeSeq).padStart(5, '0');
        const name = `${city && rng.chance(0.6) ? 'Phường' : 'Xã'} ${rng.pick(PLACE_SYLLABLES)} ${rng.pick(PLACE_SYLLABLES)}`;
        // In a province with districts most communes sit under one; a fifth hang directly under it.
        const parent = districts.length && rng.chance(0.8) ? districts[c % districts.length] : undefined;
        units.push(cid, code, name, 'commune', parent ? parent.id : pid, `${parent ? parent.path : `${pid}/`}${cid}/`, rng.int(4_000, 40_000));
        const workerId = ids.next();
        users.push(workerId, `cw.${code}`, userHash, null, 'commune_worker', cid, null);
        const stationId = ids.next();
        facilities.push(stationId, `TYT-${code}`, `Trạm Y tế ${name}`, 'health_station', cid);
        communes.push({ id: cid, code, name, province: p, workerId, stationId });
      }
      const provinceCommunes = communes.slice(communes.length - communesPer);
      const clinicCount = Math.max(1, Math.round(communesPer / 15));
      for (let k = 0; k < clinicCount; k++) {
        const at = rng.pick(provinceCommunes);
        const fid = ids.next();
        const fcode = `MMT-${def.code}-${String(k + 1).padStart(2, '0')}`;
        facilities.push(fid, fcode, `Cơ sở điều trị Methadone ${at.name}`, 'methadone_clinic', at.id);
        const staffId = ids.next();
        users.push(staffId, `cs.${fcode}`, userHash, null, 'clinic_staff', at.id, fid);
        info.clinics.push({ id: fid, staffId });
      }
      for (let k = 0; k < 2; k++) {
        const fid = ids.next();
        const fcode = `CSCN-${def.code}-${k + 1}`;
        const at = k === 0 ? pid : rng.pick(provinceCommunes).id;
        facilities.push(fid, fcode, `Cơ sở cai nghiện ma túy số ${k + 1} ${def.name.replace(/^(Tỉnh|Thành phố) /, '')}`, 'rehab_facility', at);
        const staffId = ids.next();
        users.push(staffId, `fs.${fcode}`, userHash, null, 'facility_staff', at, fid);
        info.rehabs.push({ id: fid, staffId });
      }
    }
    const adminId = ids.next();
    examples.admin = adminUsername;
    examples.province_officer = `po.${provinces[0].code}`;
    examples.clinic_staff = `cs.MMT-${provinces[0].code}-01`;
    examples.facility_staff = `fs.CSCN-${provinces[0].code}-1`;

    // People concentrate in some communes: a heavy-tailed weight per commune.
    const cumulative = new Float64Array(communes.length);
    let acc = 0;
    for (let i = 0; i < communes.length; i++) {
      acc += 0.2 + 5 * rng.next() ** 3;
      cumulative[i] = acc;
    }
    const pickCommune = (): Commune => {
      const r = rng.next() * acc;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > r) hi = mid;
        else lo = mid + 1;
      }
      return communes[lo];
    };
    const busiest = communes.reduce((best, c, i) => {
      const w = cumulative[i] - (i ? cumulative[i - 1] : 0);
      return w > best.w ? { c, w } : best;
    }, { c: communes[0], w: 0 }).c;
    examples.commune_worker = `cw.${busiest.code}`;

    const worldStarted = performance.now();
    await client.query('BEGIN');
    await units.flush(client);
    await facilities.flush(client);
    await users.flush(client);
    const adminInsert = await client.query(
      `INSERT INTO users (id, username, password_hash, role) VALUES ($1, $2, $3, 'admin')
       ON CONFLICT (lower(username)) DO NOTHING`,
      [adminId, adminUsername, adminHash],
    );
    const adminCreated = adminInsert.rowCount === 1;
    await client.query('COMMIT');
    const worldMs = performance.now() - worldStarted;
    log(`world: ${units.written} units, ${facilities.written} facilities, ${users.written + 1} users (${Math.round(worldMs)} ms)`);

    // ---- people, a chunk per transaction; the next chunk is generated while the last one is written ----
    const counters = new Map<string, number>();
    const nationalIds = new Set<string>();
    let encryptionMs = 0;
    const totals: Record<string, number> = {};
    /** Time spent writing each table (the writer overlaps generation, so these do not add up to the total). */
    const writeMs: Record<string, number> = {};
    const peopleStarted = performance.now();

    const generatePerson = (t: PeopleTables) => {
      const commune = pickCommune();
      const province = provinces[commune.province];
      const male = rng.chance(0.93);
      const sexKey = male ? 'male' : 'female';
      const fullName = `${rng.weighted(FAMILY_NAMES)} ${rng.weighted(MIDDLE_NAMES[sexKey])} ${rng.pick(GIVEN_NAMES[sexKey])}`;
      const age = 17 + Math.floor(rng.next() ** 1.6 * 44);
      const dob = today - age * 365 - rng.int(0, 364);
      const earliest = Math.max(toDay('2016-01-01'), dob + 14 * 365);
      const registered = earliest >= today ? today : today - Math.floor(rng.next() ** 1.7 * (today - earliest));
      const year = yearOf(registered);
      const counterKey = `${commune.id}/${year}`;
      const seq = (counters.get(counterKey) ?? 0) + 1;
      counters.set(counterKey, seq);
      const caseCode = `${commune.code}-${year}-${String(seq).padStart(5, '0')}`;
      const addicted = rng.chance(0.62);
      const status = addicted ? 'addicted' : 'using';
      const closed = registered < today - 30 && rng.chance(0.12);
      const closedOn = closed ? rng.int(registered + 30, today) : null;
      let closeReason: string | null = closed ? rng.weighted(CLOSE_REASONS) : null;
      if (closeReason === 'management_ended' && addicted) closeReason = 'other';
      // The last management decision of a `using` person: its year runs from it.
      const decision = addicted ? null : closedOn !== null ? registered + rng.int(0, 20) : Math.max(registered, today - rng.int(0, 364));
      const managementDecision = decision === null ? null : Math.min(decision, closedOn ?? today);
      const substances: string[] = [rng.weighted(SUBSTANCES)];
      if (rng.chance(0.3)) {
        const second = rng.weighted(SUBSTANCES);
        if (second !== substances[0]) substances.push(second);
      }
      let nationalId: string | null = null;
      if (rng.chance(0.7)) {
        const century = (yearOf(dob) >= 2000 ? 2 : 0) + (male ? 0 : 1);
        do {
          nationalId = `0${province.code.padStart(2, '0').slice(-2)}${century}${String(yearOf(dob) % 100).padStart(2, '0')}${rng.digits(6)}`;
        } while (nationalIds.has(nationalId));
        nationalIds.add(nationalId);
      }
      const phone = rng.chance(0.75) ? `0${rng.pick(['9', '3', '8', '7'])}${rng.digits(8)}` : null;
      const address = rng.chance(0.95)
        ? rng.chance(0.5)
          ? `Số ${rng.int(1, 300)} đường ${rng.pick(STREETS)}, tổ ${rng.int(1, 30)}`
          : `Thôn ${rng.int(1, 15)}, ${commune.name}`
        : null;
      const encrypt = encryptShare >= 1 || rng.chance(encryptShare);
      let nidCipher: Buffer | null = null;
      let nidHash: Buffer | null = null;
      let addressCipher: Buffer | null = null;
      let phoneCipher: Buffer | null = null;
      if (encrypt) {
        const t0 = performance.now();
        nidCipher = cipher.encryptOptional(nationalId);
        nidHash = nationalId ? cipher.lookupHash(nationalId) : null;
        addressCipher = cipher.encryptOptional(address);
        phoneCipher = cipher.encryptOptional(phone);
        encryptionMs += performance.now() - t0;
      }
      const pid = ids.next();
      const createdAt = stamp(registered, rng.int(7 * 60 + 30, 17 * 60));
      const inDetention = addicted && closedOn === null && rng.chance(0.03);
      t.persons.push(
        pid,
        caseCode,
        fullName,
        searchTextOf(fullName, caseCode),
        iso(dob),
        sexKey,
        nidCipher,
        nidHash,
        commune.id,
        addressCipher,
        phoneCipher,
        status,
        substances.join(','),
        iso(registered),
        managementDecision === null ? null : iso(managementDecision),
        inDetention,
        closedOn === null ? null : iso(closedOn),
        closeReason,
        commune.workerId,
        createdAt,
        closedOn === null ? createdAt : stamp(closedOn, 9 * 60),
      );
      t.personEvents.push(ids.next(), pid, 'registered', iso(registered), JSON.stringify({ status }), commune.workerId, createdAt);
      if (managementDecision !== null) {
        t.personEvents.push(ids.next(), pid, 'management_decision', iso(managementDecision), '{}', commune.workerId, stamp(managementDecision, 10 * 60));
      }
      if (closedOn !== null) {
        t.personEvents.push(ids.next(), pid, 'closed', iso(closedOn), JSON.stringify({ closeReason }), commune.workerId, stamp(closedOn, 9 * 60));
      }

      // ---- treatment and post-rehab supervision, one episode after another ----
      const limit = closedOn ?? today;
      const open = closedOn === null;
      let treated = false;
      if (addicted && rng.chance(0.78)) {
        let start = registered + rng.int(0, 60);
        for (let episode = 0; episode < 3 && start <= limit; episode++) {
          treated = true;
          const kind = rng.weighted(ENROLLMENT_KINDS);
          const type = kind.startsWith('facility') ? 'facility' : kind;
          const mode = kind === 'facility_compulsory' ? 'compulsory' : kind === 'methadone' ? null : 'voluntary';
          const minor = ageOn(dob, start) < 18;
          let facilityId: string | null = null;
          let staffId: string = commune.workerId;
          if (type === 'methadone') ({ id: facilityId, staffId } = rng.pick(province.clinics));
          if (type === 'facility') ({ id: facilityId, staffId } = rng.pick(province.rehabs));
          let planned: number | null = null;
          let natural: number;
          let outcome: string;
          if (type === 'methadone') {
            outcome = rng.weighted(METHADONE_OUTCOMES);
            natural = start + rng.int(90, 1500);
          } else {
            // Legal terms: voluntary 6-12 months, compulsory 12-24 (6-12 for minors).
            const months = mode === 'compulsory' && !minor ? rng.int(12, 24) : rng.int(6, 12);
            planned = addMonths(start, months);
            outcome = rng.weighted(TREATMENT_OUTCOMES);
            natural = outcome === 'completed' ? planned - rng.int(0, 5) : start + rng.int(14, Math.max(14, planned - start));
          }
          let end: number | null = natural;
          if (natural >= limit) {
            if (open) {
              end = null;
            } else {
              end = limit;
              outcome = closeReason === 'deceased' ? 'deceased' : closeReason === 'moved_away' ? 'transferred' : closeReason === 'detained' ? 'other' : 'dropped_out';
            }
          }
          const eid = ids.next();
          const eCreated = stamp(start, rng.int(8 * 60, 16 * 60));
          t.enrollments.push(
            eid,
            pid,
            type,
            mode,
            facilityId,
            iso(start),
            planned === null ? null : iso(planned),
            end === null ? null : iso(end),
            end === null ? null : outcome,
            end === null ? 'active' : 'ended',
            staffId,
            eCreated,
            end === null ? eCreated : stamp(end, 16 * 60),
          );
          if (type === 'methadone') {
            const last = end ?? today - 1;
            const first = Math.max(start, last - doseDays + 1);
            const base = rng.int(8, 24) * 5;
            // Some active patients stop coming: a run of missed days up to yesterday.
            const trailing = end === null && rng.chance(0.04) ? rng.int(3, 6) : 0;
            for (let d = first; d <= last; d++) {
              const missed = d > last - trailing || rng.chance(0.05);
              t.doses.push(ids.next(), eid, iso(d), missed ? null : String(base + rng.int(-1, 1) * 5), missed ? 'missed' : 'taken', staffId, stamp(d, 8 * 60), stamp(d, 8 * 60));
            }
          }
          if (end === null) break;
          let next: number | null = null;
          if (outcome === 'completed' && end + 1 <= limit) {
            const sStart = end + 1;
            const adult = ageOn(dob, end) >= 18;
            const years = type === 'facility' && mode === 'compulsory' && adult ? 2 : 1;
            const sEnd = addMonths(sStart, 12 * years) - 1;
            let endedOn: number | null = null;
            let sOutcome: string | null = null;
            if (rng.chance(0.2)) {
              const relapse = rng.int(sStart + 30, sEnd);
              if (relapse <= limit) {
                next = relapse;
                endedOn = relapse - 1;
                sOutcome = 'relapsed';
              }
            }
            if (sOutcome === null) {
              if (sEnd < limit) {
                endedOn = sEnd;
                sOutcome = 'completed';
                if (rng.chance(0.3)) next = sEnd + rng.int(30, 720);
              } else if (!open) {
                endedOn = limit;
                sOutcome = closeReason === 'deceased' ? 'deceased' : closeReason === 'moved_away' ? 'moved_away' : 'other';
              }
            }
            supervise(t, { pid, commune, enrollmentId: eid, start: sStart, end: sEnd, endedOn, outcome: sOutcome });
          } else if (rng.chance(0.5)) {
            next = end + rng.int(7, 365);
          }
          if (next === null) break;
          start = next;
        }
      }
      // A few people come under supervision without a recorded treatment (treated elsewhere).
      if (addicted && !treated && rng.chance(0.05)) {
        const sStart = rng.int(registered, limit);
        const sEnd = addMonths(sStart, 12) - 1;
        const endedOn = sEnd < limit ? sEnd : open ? null : limit;
        supervise(t, { pid, commune, enrollmentId: null, start: sStart, end: sEnd, endedOn, outcome: endedOn === null ? null : sEnd < limit ? 'completed' : 'other' });
      }

      // ---- service contacts ----
      const contacts = rng.weighted(CONTACTS_PER_PERSON);
      for (let k = 0; k < contacts; k++) {
        const type = rng.weighted(CONTACT_TYPES[status]);
        const day = limit - Math.floor(rng.next() ** 1.5 * (limit - registered));
        const facilityId = type === 'medical' || rng.chance(0.4) ? commune.stationId : null;
        t.contacts.push(ids.next(), pid, type, iso(day), facilityId, rng.chance(0.3) ? cipher.encrypt(rng.pick(CONTACT_NOTES)) : null, commune.workerId, stamp(day, rng.int(8 * 60, 17 * 60)));
      }
    };

    const supervise = (
      t: PeopleTables,
      s: { pid: string; commune: Commune; enrollmentId: string | null; start: number; end: number; endedOn: number | null; outcome: string | null },
    ) => {
      const sid = ids.next();
      const created = stamp(s.start, 9 * 60);
      t.supervisions.push(
        sid,
        s.pid,
        s.enrollmentId,
        iso(s.start),
        iso(s.end),
        FOLLOW_UP_INTERVAL,
        s.commune.workerId,
        s.endedOn === null ? 'active' : 'ended',
        s.outcome,
        s.endedOn === null ? null : iso(s.endedOn),
        s.commune.workerId,
        created,
        s.endedOn === null ? created : stamp(s.endedOn, 9 * 60),
      );
      const lastDay = Math.min(today, s.endedOn ?? s.end);
      let lastVisit: { index: number } | null = null;
      for (let due = s.start + FOLLOW_UP_INTERVAL; due <= s.end; due += FOLLOW_UP_INTERVAL) {
        const fid = ids.next();
        let status: string;
        if (s.endedOn !== null && due > s.endedOn) status = 'cancelled';
        else if (due + GRACE_DAYS <= today) status = rng.chance(0.8) ? 'done' : 'missed';
        else if (due <= today) status = rng.chance(0.5) ? 'done' : 'scheduled';
        else status = 'scheduled';
        const vid = status === 'done' ? ids.next() : null;
        // Follow-ups and visits point at each other: without replica mode the link is set afterwards.
        t.followUps.push(fid, sid, iso(due), status, skipTriggers ? vid : null, created, created);
        if (vid === null) continue;
        const visitDay = Math.max(s.start, Math.min(lastDay, due + rng.int(-3, 3)));
        t.visits.push(vid, sid, fid, iso(visitDay), rng.weighted(VISIT_METHODS), rng.weighted(DRUG_TESTS), false, null, s.commune.workerId, stamp(visitDay, rng.int(8 * 60, 17 * 60)));
        if (!skipTriggers) {
          t.links.followUp.push(fid);
          t.links.visit.push(vid);
        }
        lastVisit = { index: t.visits.length - 1 };
      }
      // The visit that found the relapse ends the supervision.
      if (s.outcome === 'relapsed' && lastVisit) {
        t.visits.set(lastVisit.index, 'drug_test', 'positive');
        t.visits.set(lastVisit.index, 'relapse', true);
      }
    };

    const write = async (t: PeopleTables) => {
      await client.query('BEGIN');
      for (const key of ['persons', 'personEvents', 'enrollments', 'doses', 'contacts', 'supervisions', 'followUps', 'visits'] as const) {
        const t0 = performance.now();
        totals[t[key].table] = (totals[t[key].table] ?? 0) + (await t[key].flush(client));
        writeMs[t[key].table] = (writeMs[t[key].table] ?? 0) + performance.now() - t0;
      }
      const t0 = performance.now();
      if (t.links.followUp.length) {
        await client.query(
          `UPDATE follow_ups f SET visit_id = x.visit_id FROM unnest($1::uuid[], $2::uuid[]) AS x(follow_up_id, visit_id) WHERE f.id = x.follow_up_id`,
          [`{${t.links.followUp.join(',')}}`, `{${t.links.visit.join(',')}}`],
        );
      }
      await client.query('COMMIT');
      writeMs['follow_ups.visit_id'] = (writeMs['follow_ups.visit_id'] ?? 0) + performance.now() - t0;
    };

    let pending: Promise<void> | undefined;
    for (let from = 0; from < opts.persons; from += chunk) {
      const t = newPeopleTables();
      const to = Math.min(opts.persons, from + chunk);
      for (let i = from; i < to; i++) {
        generatePerson(t);
        // Let the writer of the previous chunk send its next statement.
        if ((i & 511) === 511) await new Promise((r) => setImmediate(r));
      }
      await pending;
      const elapsed = (performance.now() - peopleStarted) / 1000;
      log(`people: ${to.toLocaleString('en')} of ${opts.persons.toLocaleString('en')} generated (${elapsed.toFixed(1)} s)`);
      pending = write(t);
    }
    await pending;
    const peopleMs = performance.now() - peopleStarted;

    // ---- counters, statistics ----
    const finishStarted = performance.now();
    const keys = [...counters.keys()];
    if (keys.length) {
      await client.query(
        `INSERT INTO case_code_counters (unit_id, year, last_value)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[])`,
        [`{${keys.map((k) => k.split('/')[0]).join(',')}}`, `{${keys.map((k) => k.split('/')[1]).join(',')}}`, `{${keys.map((k) => counters.get(k)).join(',')}}`],
      );
    }
    if (skipTriggers) {
      log('checking every foreign key …');
      await checkForeignKeys(client);
    }
    log('vacuum analyze …');
    await client.query(
      `VACUUM (ANALYZE) admin_units, facilities, users, persons, person_events, enrollments, methadone_doses,
         service_contacts, supervisions, follow_ups, visits, case_code_counters`,
    );
    const finishMs = performance.now() - finishStarted;

    const rows: Record<string, number> = {
      admin_units: units.written,
      facilities: facilities.written,
      users: users.written + (adminCreated ? 1 : 0),
      ...totals,
      case_code_counters: keys.length,
    };
    const total = performance.now() - started;
    return {
      seed,
      asOf,
      persons: opts.persons,
      rows,
      ms: { total, world: worldMs, people: peopleMs, finish: finishMs, encryption: encryptionMs, write: writeMs },
      credentials: {
        admin: { username: adminUsername, password: adminCreated ? adminPassword : null },
        users: { password, examples },
      },
    };
  } finally {
    await client.end();
  }
}

/** Fails when any row of the seeded tables points at a row that does not exist. */
async function checkForeignKeys(client: pg.Client): Promise<void> {
  const { rows: fks } = await client.query<{ child: string; col: string; parent: string; pcol: string }>(
    `SELECT c.conrelid::regclass::text AS child, a.attname AS col, c.confrelid::regclass::text AS parent, pa.attname AS pcol
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.connamespace = 'public'::regnamespace`,
  );
  const checks = fks.map(
    (f) =>
      `SELECT '${f.child}.${f.col}' AS fk WHERE EXISTS (SELECT 1 FROM ${f.child} x WHERE x.${f.col} IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM ${f.parent} y WHERE y.${f.pcol} = x.${f.col}))`,
  );
  const { rows: broken } = await client.query<{ fk: string }>(checks.join(' UNION ALL '));
  if (broken.length) throw new Error(`seeded rows break foreign keys: ${broken.map((b) => b.fk).join(', ')}`);
}
