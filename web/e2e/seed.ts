import { resolve } from 'node:path';

/** Where the global set-up leaves what the tests need to know (ids, users, passwords). */
export const STATE_FILE = process.env.WEB_STATE_FILE ?? resolve(import.meta.dirname, '../../.playwright-output/state.json');
export const PASSWORD = 'mat-khau-thu-nghiem-2026';

export interface Site {
  communeWorker: string;
  /** A second commune worker, whose password a test changes. */
  passwordUser: string;
  clinicStaff: string;
  facilityStaff: string;
  /** Staff of the province's detention camp, who record treatment in detention. */
  detentionStaff: string;
  /** A province officer of the province both sites share. */
  provinceOfficer: string;
  communeName: string;
  otherCommuneName: string;
  people: {
    dueSoon: string;
    overdue: string;
    editable: string;
    onRoster: string[];
    toEnroll: { name: string; nationalId: string };
    resident: string;
    /** Two more residents of the facility, by given name one before and one after `resident`. */
    otherResidents: [string, string];
    toAdmit: { name: string; nationalId: string };
    /** Held at the detention camp, with an open file (in the other commune) and no treatment yet. */
    toTreatInDetention: { name: string; nationalId: string };
  };
  /** Two likely duplicate pairs (same birth date and sex, names alike) for the province's review. */
  twins: { merge: [string, string]; dismiss: [string, string] };
}

export type SiteName = 'desktop' | 'phone';
export const SITE_NAMES: readonly SiteName[] = ['desktop', 'phone'];

export interface SeedState {
  baseURL: string;
  adminPassword: string;
  /** The sites this run seeded: both by default, or only the one its projects use (WEB_SITES). */
  sites: Partial<Record<SiteName, Site>>;
}

type Json = Record<string, unknown>;

/** The API as one user, signing in again when the 20-second access token has run out. */
export class Api {
  private token = '';
  private constructor(
    private readonly baseURL: string,
    private readonly login?: { username: string; password: string },
  ) {}
  async call<T = Json>(method: string, path: string, body?: unknown, renewed = false): Promise<T> {
    const res = await fetch(`${this.baseURL}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // Access tokens live 20 s in these tests: on a busy machine the seed outlives one, so sign in again.
    if (res.status === 401 && this.login && !renewed) {
      await this.signIn();
      return this.call<T>(method, path, body, true);
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
  private async signIn(): Promise<void> {
    this.token = (await new Api(this.baseURL).call<{ accessToken: string }>('POST', '/auth/login', this.login)).accessToken;
  }
  static async as(baseURL: string, username: string, password: string): Promise<Api> {
    const api = new Api(baseURL, { username, password });
    await api.signIn();
    return api;
  }
}

const day = (offset: number): string => {
  const now = new Date(Date.now() + 7 * 3600_000); // the service reckons "today" in Vietnam
  now.setUTCDate(now.getUTCDate() + offset);
  return now.toISOString().slice(0, 10);
};

/** The month before the current one in Vietnam, YYYY-MM. */
export const lastMonth = (): string => {
  const now = new Date(Date.now() + 7 * 3600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

/** One province per project: a commune worker's commune, a clinic, a facility, a detention camp, and their people. */
async function seedSite(baseURL: string, admin: Api, key: SiteName, provinceId: string, n: number): Promise<Site> {
  const tag = key === 'desktop' ? 'DT' : 'DD';
  const unit = (code: string, name: string) =>
    admin.call<{ id: string }>('POST', '/admin-units', { code: `${tag}${code}`, name, level: 'commune', parentId: provinceId });
  const commune = await unit('01', key === 'desktop' ? 'Xã Thạch Hà' : 'Xã Cẩm Xuyên');
  const otherCommune = await unit('02', key === 'desktop' ? 'Phường Bắc Hà' : 'Phường Nam Hồng');
  const clinic = await admin.call<{ id: string }>('POST', '/facilities', {
    code: `MMT-${tag}`,
    name: `Cơ sở điều trị Methadone ${key === 'desktop' ? 'Thạch Hà' : 'Cẩm Xuyên'}`,
    type: 'methadone_clinic',
    adminUnitId: commune.id,
  });
  const rehab = await admin.call<{ id: string }>('POST', '/facilities', {
    code: `CN-${tag}`,
    name: `Cơ sở cai nghiện ma túy số ${n}`,
    type: 'rehab_facility',
    adminUnitId: provinceId,
  });
  const detention = await admin.call<{ id: string }>('POST', '/facilities', {
    code: `TG-${tag}`,
    name: `Trại tạm giam số ${n}`,
    type: 'detention_facility',
    adminUnitId: provinceId,
  });
  const user = async (username: string, fullName: string, role: string, extra: Json) => {
    await admin.call('POST', '/users', { username, password: PASSWORD, fullName, role, ...extra });
    return username;
  };
  const communeWorker = await user(`canbo.${key}`, 'Nguyễn Thị Mai', 'commune_worker', { adminUnitId: commune.id });
  const passwordUser = await user(`canbo2.${key}`, 'Trịnh Văn Long', 'commune_worker', { adminUnitId: commune.id });
  const clinicStaff = await user(`methadone.${key}`, 'Lê Văn Thành', 'clinic_staff', { adminUnitId: commune.id, facilityId: clinic.id });
  const facilityStaff = await user(`cainghien.${key}`, 'Phạm Thị Hạnh', 'facility_staff', { adminUnitId: provinceId, facilityId: rehab.id });
  const detentionStaff = await user(`tamgiam.${key}`, 'Đoàn Văn Hải', 'facility_staff', { adminUnitId: provinceId, facilityId: detention.id });
  const provinceOfficer = await user(`tinh.${key}`, 'Hồ Thị Nga', 'province_officer', { adminUnitId: provinceId });
  // The other commune has already submitted last month's report.
  const otherWorker = await user(`canbo3.${key}`, 'Võ Thị Hương', 'commune_worker', { adminUnitId: otherCommune.id });
  const otherApi = await Api.as(baseURL, otherWorker, PASSWORD);
  // Likely duplicates for the province's review, in the other commune: a merge there closes a file
  // no other test's commune worker sees.
  const twin = (names: [string, string], dateOfBirth: string, sex: string) =>
    Promise.all(names.map((fullName, i) =>
      otherApi.call('POST', '/persons', { fullName, dateOfBirth, sex, residenceUnitId: otherCommune.id, status: 'addicted', registeredOn: day(-300 + i), confirmDistinct: true }),
    )).then(() => names);
  const twins = {
    merge: await twin(key === 'desktop' ? ['Ngô Văn Quang', 'Ngô Văn Quảng'] : ['Tạ Văn Lực', 'Tạ Văn Lục'], '1979-05-20', 'male'),
    dismiss: await twin(key === 'desktop' ? ['Lý Thị Hương', 'Lý Thi Huong'] : ['Mai Thị Yến', 'Mai Thi Yen'], '1986-07-07', 'female'),
  };

  await otherApi.call('POST', '/reports/monthly', { unitId: otherCommune.id, month: lastMonth(), comment: 'Báo cáo đúng hạn' });

  const worker = await Api.as(baseURL, communeWorker, PASSWORD);
  const clinicApi = await Api.as(baseURL, clinicStaff, PASSWORD);
  const facilityApi = await Api.as(baseURL, facilityStaff, PASSWORD);
  let seq = 0;
  const person = async (fullName: string, status = 'addicted', extra: Json = {}) => {
    seq++;
    const nationalId = `0${n}${String(seq).padStart(10, '0')}`;
    const p = await worker.call<{ id: string }>('POST', '/persons', {
      fullName,
      dateOfBirth: `19${80 + seq}-0${(seq % 9) + 1}-1${seq % 10}`,
      sex: seq % 3 === 0 ? 'female' : 'male',
      nationalId,
      residenceUnitId: commune.id,
      phone: `0912 345 6${String(seq).padStart(2, '0')}`,
      address: `Thôn ${seq}, ${key === 'desktop' ? 'Xã Thạch Hà' : 'Xã Cẩm Xuyên'}`,
      status,
      substances: ['heroin'],
      registeredOn: day(-400),
      ...extra,
    });
    return { id: p.id, nationalId, fullName };
  };

  // Post-rehab supervision: a follow-up due in two days (announced now) and one long overdue.
  const dueSoon = await person('Nguyễn Văn Đức');
  await worker.call('POST', `/persons/${dueSoon.id}/supervisions`, { startDate: day(-28), intervalDays: 30 });
  const overdue = await person('Trần Thị Hoà');
  await worker.call('POST', `/persons/${overdue.id}/supervisions`, { startDate: day(-33), intervalDays: 30 });
  const editable = await person('Lê Văn Bình', 'using', { managementDecisionOn: day(-100) });

  // Methadone patients already on the roster, and one to enroll through the screens.
  const onRoster = [await person('Phạm Minh Tuấn'), await person('Hoàng Văn Nam'), await person('Đỗ Thị Thu')];
  for (const p of onRoster) {
    const found = await clinicApi.call<{ items: { id: string }[] }>('GET', `/persons?nationalId=${p.nationalId}`);
    const e = await clinicApi.call<{ id: string }>('POST', `/persons/${found.items[0]!.id}/enrollments`, {
      type: 'methadone',
      facilityId: clinic.id,
      startDate: day(-60),
    });
    for (let d = -10; d <= -1; d++) {
      await clinicApi.call('POST', `/enrollments/${e.id}/doses`, d === -3 ? { date: day(d), status: 'missed' } : { date: day(d), status: 'taken', doseMg: 60 + (d % 3) * 5 });
    }
  }
  const toEnroll = await person('Vũ Thị Lan');

  const resident = await person('Đặng Văn Hùng');
  await facilityApi.call('POST', `/persons/${resident.id}/enrollments`, {
    type: 'facility',
    mode: 'voluntary',
    facilityId: rehab.id,
    startDate: day(-90),
  });
  const otherResidents: [string, string] = ['Trương Văn An', 'Lâm Thị Xuân'];
  for (const [i, name] of otherResidents.entries()) {
    const p = await person(name);
    await facilityApi.call('POST', `/persons/${p.id}/enrollments`, { type: 'facility', mode: 'voluntary', facilityId: rehab.id, startDate: day(-30 - i) });
  }
  const toAdmit = await person('Bùi Văn Khoa');

  // Held at the detention camp: a file of the other commune, whose report for last month is already
  // in, so that no figure a test reads counts this person.
  seq++;
  const held = { fullName: 'Đinh Văn Tâm', nationalId: `0${n}${String(seq).padStart(10, '0')}` };
  await otherApi.call('POST', '/persons', {
    ...held,
    dateOfBirth: '1991-11-03',
    sex: 'male',
    residenceUnitId: otherCommune.id,
    status: 'addicted',
    substances: ['heroin'],
    registeredOn: day(-200),
    inDetention: true,
  });

  return {
    communeWorker,
    passwordUser,
    clinicStaff,
    facilityStaff,
    detentionStaff,
    provinceOfficer,
    communeName: key === 'desktop' ? 'Xã Thạch Hà' : 'Xã Cẩm Xuyên',
    otherCommuneName: key === 'desktop' ? 'Phường Bắc Hà' : 'Phường Nam Hồng',
    people: {
      dueSoon: dueSoon.fullName,
      overdue: overdue.fullName,
      editable: editable.fullName,
      onRoster: onRoster.map((p) => p.fullName),
      toEnroll: { name: toEnroll.fullName, nationalId: toEnroll.nationalId },
      resident: resident.fullName,
      otherResidents,
      toAdmit: { name: toAdmit.fullName, nationalId: toAdmit.nationalId },
      toTreatInDetention: { name: held.fullName, nationalId: held.nationalId },
    },
    twins,
  };
}

/** Seeds the province and the given sites (each keeps its own codes and national IDs either way). */
export async function seed(baseURL: string, adminPassword: string, names: readonly SiteName[] = SITE_NAMES): Promise<SeedState> {
  const admin = await Api.as(baseURL, 'admin', adminPassword);
  const province = await admin.call<{ id: string }>('POST', '/admin-units', { code: 'HT', name: 'Tỉnh Hà Tĩnh', level: 'province' });
  const sites: Partial<Record<SiteName, Site>> = {};
  for (const name of names) sites[name] = await seedSite(baseURL, admin, name, province.id, SITE_NAMES.indexOf(name) + 1);
  return { baseURL, adminPassword, sites };
}
