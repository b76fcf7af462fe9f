import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Access } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { conflict, forbidden, invalid, notFound } from '../../common/errors/app-error.js';
import { isUniqueViolation } from '../../common/errors/pg-errors.js';
import { offsetOf, page } from '../../common/http/paging.js';
import { Clock } from '../../common/time/clock.js';
import { addDays, addMonths, type IsoDate } from '../../common/time/dates.js';
import { AuditService } from '../audit/audit.service.js';
import { monthPeriod } from './coverage.arithmetic.js';
import { CoverageService } from './coverage.service.js';
import type { MonthlyExportQuery, NoticeQuery, SubmitMonthlyReportDto } from './dto/monthly-report.dto.js';
import { differingKeys, emptyFigures, MONTHLY_FIGURE_KEYS, MONTHLY_FIGURES, monthlyShares, sumFigures, type MonthlyFigures } from './monthly-figures.js';
import { monthlyCsv, monthlyXlsx, type ExportSheetRow, type MonthlyExport } from './monthly-reports.export.js';
import { ReportsRepository, type MonthlyVersionRow, type ReportUnit } from './reports.repository.js';

/** The day a month's report is due: the 3rd of the next month; after it, the report is overdue. */
export const DUE_DAY = 3;

const toVersion = (r: MonthlyVersionRow) => ({
  id: r.id,
  version: r.version,
  figures: withAllKeys(r.figures),
  shares: monthlyShares(withAllKeys(r.figures)),
  comment: r.comment,
  submittedBy: r.submitted_by,
  submittedByName: r.submitted_by_name,
  submittedAt: r.submitted_at.toISOString(),
});

/** A snapshot stored before a figure existed reads that figure as 0. */
function withAllKeys(f: Partial<MonthlyFigures>): MonthlyFigures {
  return { ...emptyFigures(), ...f };
}

const unitView = (u: ReportUnit) => ({ id: u.id, code: u.code, name: u.name, level: u.level });

export function dueOn(month: string): IsoDate {
  return addDays(addMonths(`${month}-01`, 1), DUE_DAY - 1);
}

/**
 * Monthly commune reports: the live draft of a commune's month, its submission as a snapshot that
 * never changes (a correction is a new version), the province's roll-up of submitted snapshots
 * beside the live figures, the notices of due and overdue reports, and the exports.
 */
@Injectable()
export class MonthlyReportsService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly coverage: CoverageService,
  ) {}

  // ---- figures ----

  /** Live figures of every commune under `unit` for a month, by commune id (communes without people included). */
  async liveFigures(m: EntityManager, unit: ReportUnit, month: string): Promise<{ communes: ReportUnit[]; figures: Map<string, MonthlyFigures> }> {
    const { from, to } = monthPeriod(month);
    const asOf = this.coverage.asOf(to);
    const pattern = `${unit.path}%`;
    const communes = await this.communesUnder(m, unit);
    const figures = new Map<string, MonthlyFigures>(communes.map((c) => [c.id, { ...emptyFigures(), population: c.population ?? 0 }]));
    if (!communes.length) return { communes, figures };
    const counts = await this.repo.countUnits(m, [from, to, asOf, pattern, communes.map((c) => c.id)]);
    for (const c of counts) {
      const f = figures.get(c.id);
      if (!f) continue;
      Object.assign(f, { withFiles: c.withFiles, reached: c.reached, supervised: c.supervised, supported: c.supported, held: c.held, treated: c.treated });
    }
    const extra = await this.repo.monthlyFigures(m, [from, to, asOf, pattern]);
    for (const row of extra) {
      const f = figures.get(row.unitId);
      if (!f) continue;
      for (const k of MONTHLY_FIGURE_KEYS) if (typeof row[k] === 'number') f[k] = row[k];
    }
    return { communes, figures };
  }

  private communesUnder(m: EntityManager, unit: ReportUnit): Promise<ReportUnit[]> {
    return this.repo.unitsUnder(m, unit.path, true);
  }

  private async unit(actor: Actor, unitId: string): Promise<ReportUnit> {
    const found = await this.access.unit(actor, unitId);
    return (await this.repo.unit(found.id)) as ReportUnit;
  }

  private async commune(actor: Actor, unitId: string): Promise<ReportUnit> {
    const unit = await this.unit(actor, unitId);
    if (unit.level !== 'commune') throw invalid('unitId', `must be a commune (a ${unit.level} reads the roll-up)`);
    return unit;
  }

  private checkMonth(month: string): void {
    if (`${month}-01` > this.clock.today()) throw invalid('month', 'has not begun');
  }

  private statusOf(month: string, submitted: boolean): 'open' | 'due' | 'submitted' | 'overdue' {
    if (submitted) return 'submitted';
    const today = this.clock.today();
    if (today <= monthPeriod(month).to) return 'open';
    return today > dueOn(month) ? 'overdue' : 'due';
  }

  // ---- a commune's month ----

  async report(actor: Actor, q: { unitId: string; month: string }) {
    this.checkMonth(q.month);
    const unit = await this.commune(actor, q.unitId);
    const { figures } = await this.liveFigures(this.repo.manager, unit, q.month);
    const live = figures.get(unit.id) ?? emptyFigures();
    const versions = (await this.repo.versions(this.repo.manager, [unit.id], q.month, false)).map(toVersion);
    const submitted = versions[0] ?? null;
    const { from, to } = monthPeriod(q.month);
    return {
      unit: unitView(unit),
      month: q.month,
      from,
      to,
      asOf: this.coverage.asOf(to),
      dueOn: dueOn(q.month),
      status: this.statusOf(q.month, Boolean(submitted)),
      live,
      liveShares: monthlyShares(live),
      submitted,
      differs: submitted ? differingKeys(submitted.figures, live) : [],
      versions,
    };
  }

  /**
   * Stores the live figures of a commune's month as a new version. The first submission of a month
   * is version 1; another needs `correction: true` and keeps the earlier ones. Only a month that has
   * ended can be submitted.
   */
  async submit(actor: Actor, dto: SubmitMonthlyReportDto) {
    if (actor.role !== 'commune_worker' && actor.role !== 'admin') throw forbidden('only a commune worker submits its monthly report');
    this.checkMonth(dto.month);
    if (monthPeriod(dto.month).to >= this.clock.today()) throw invalid('month', 'is not over yet; a month is submitted once it has ended');
    const unit = await this.commune(actor, dto.unitId);
    try {
      return await this.repo.transaction(async (m) => {
        // One submission of a commune's month at a time: the unit's row is the lock.
        await this.repo.lockUnit(m, unit.id);
        const previous = await this.repo.lastVersion(m, unit.id, dto.month);
        if (previous && !dto.correction) throw conflict(`the report of ${dto.month} was already submitted (version ${previous}); send a correction`);
        if (!previous && dto.correction) throw conflict(`the report of ${dto.month} has not been submitted; there is nothing to correct`);
        const { figures } = await this.liveFigures(m, unit, dto.month);
        const snapshot = figures.get(unit.id) ?? emptyFigures();
        const id = await this.repo.insertVersion(m, {
          unitId: unit.id,
          month: dto.month,
          version: previous + 1,
          figures: snapshot,
          comment: dto.comment ?? null,
          submittedBy: actor.id,
          submittedAt: this.clock.now(),
        });
        await this.audit.record(
          actor,
          {
            action: previous ? 'correct' : 'submit',
            entity: 'monthly_report',
            entityId: id,
            fields: dto.comment ? ['figures', 'comment'] : ['figures'],
            meta: { unitId: unit.id, month: dto.month, version: previous + 1 },
          },
          m,
        );
        const [stored] = await this.repo.versions(m, [unit.id], dto.month, true);
        return { unit: unitView(unit), month: dto.month, ...toVersion(stored) };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('the report was submitted at the same time by someone else; read it again');
      throw err;
    }
  }

  // ---- the province ----

  async rollup(actor: Actor, q: { unitId: string; month: string }) {
    if (actor.role !== 'province_officer' && actor.role !== 'admin') throw forbidden('the roll-up is for the province');
    this.checkMonth(q.month);
    const unit = await this.unit(actor, q.unitId);
    return this.rollupOf(unit, q.month);
  }

  private async rollupOf(unit: ReportUnit, month: string) {
    const { communes, figures: live } = await this.liveFigures(this.repo.manager, unit, month);
    const latest = new Map((await this.repo.versions(this.repo.manager, communes.map((c) => c.id), month, true)).map((v) => [v.unit_id, v]));
    const units = communes.map((c) => {
      const v = latest.get(c.id);
      const liveFigures = live.get(c.id) ?? emptyFigures();
      const figures = v ? withAllKeys(v.figures) : null;
      return {
        unit: unitView(c),
        parentId: c.parentId,
        submitted: Boolean(v),
        version: v?.version ?? null,
        submittedAt: v ? v.submitted_at.toISOString() : null,
        submittedByName: v?.submitted_by_name ?? null,
        overdue: !v && this.statusOf(month, false) === 'overdue',
        figures,
        live: liveFigures,
        differs: figures ? differingKeys(figures, liveFigures) : [],
      };
    });
    const submittedUnits = units.filter((u) => u.figures);
    const submittedSum = sumFigures(submittedUnits.map((u) => u.figures as MonthlyFigures));
    const liveSum = sumFigures(submittedUnits.map((u) => u.live));
    return {
      unit: unitView(unit),
      month,
      dueOn: dueOn(month),
      communes: units.length,
      submittedCommunes: submittedUnits.length,
      figures: MONTHLY_FIGURES.map((f) => ({
        key: f.key,
        label: f.label,
        submitted: submittedSum[f.key],
        live: liveSum[f.key] === submittedSum[f.key] ? null : liveSum[f.key],
      })),
      shares: monthlyShares(submittedSum),
      units,
    };
  }

  // ---- exports ----

  /**
   * A commune's latest submitted report, or the roll-up of a district or province from its
   * communes' submitted snapshots: one sheet (or CSV section) per unit level.
   */
  async export(actor: Actor, q: MonthlyExportQuery): Promise<{ body: Buffer; contentType: string; filename: string }> {
    this.checkMonth(q.month);
    const unit = await this.unit(actor, q.unitId);
    const rollup = await this.rollupOf(unit, q.month);
    if (unit.level === 'commune' && !rollup.submittedCommunes) throw notFound('submitted monthly report');
    const { from, to } = monthPeriod(q.month);
    const levels: Record<string, ExportSheetRow[]> = {};
    const row = (u: { id: string; code: string; name: string }, level: string, figures: MonthlyFigures, extra: Partial<ExportSheetRow>): void => {
      (levels[level] ??= []).push({ code: u.code, name: u.name, figures, shares: monthlyShares(figures), submittedByName: null, submittedAt: null, ...extra });
    };
    // Units above the communes: the sums of their communes' submitted snapshots.
    const ancestors = await this.repo.unitsUnder(this.repo.manager, unit.path, false);
    const pathOf = new Map<string, string>((await this.communesUnder(this.repo.manager, unit)).map((c) => [c.id, c.path]));
    for (const a of ancestors) {
      const under = rollup.units.filter((u) => u.figures && (pathOf.get(u.unit.id) ?? '').startsWith(a.path));
      const total = rollup.units.filter((u) => (pathOf.get(u.unit.id) ?? '').startsWith(a.path)).length;
      row(a, a.level, sumFigures(under.map((u) => u.figures as MonthlyFigures)), { submittedByName: `${under.length}/${total}` });
    }
    for (const u of rollup.units) {
      row(u.unit, 'commune', u.figures ?? emptyFigures(), { submittedByName: u.submittedByName, submittedAt: u.submittedAt, notSubmitted: !u.figures });
    }
    const single = unit.level === 'commune' ? rollup.units[0] : undefined;
    const doc: MonthlyExport = {
      unitName: unit.name,
      month: q.month,
      from,
      to,
      submittedBy: single ? `${single.submittedByName} (phiên bản ${single.version})` : `${rollup.submittedCommunes}/${rollup.communes} xã đã nộp`,
      submittedAt: single?.submittedAt ?? null,
      levels,
    };
    const base = `bao-cao-thang_${unit.code}_${q.month}`;
    if (q.format === 'csv') return { body: monthlyCsv(doc), contentType: 'text/csv; charset=utf-8', filename: `${base}.csv` };
    return { body: await monthlyXlsx(doc), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${base}.xlsx` };
  }

  // ---- notices ----

  /**
   * Raises the notices of a month (idempotent): `report_due` for every commune on the 1st,
   * `report_overdue` for every commune still without a submission after the due day.
   */
  async raiseNotices(kind: 'report_due' | 'report_overdue', month: string): Promise<number> {
    return this.repo.raiseNotices(kind, month, this.clock.now());
  }

  /**
   * Notices in the caller's subtree: commune workers see that their reports are due, province
   * officers that a commune's report is overdue; administrators see both.
   */
  async notices(actor: Actor, q: NoticeQuery) {
    const kinds = actor.role === 'commune_worker' ? ['report_due'] : actor.role === 'province_officer' ? ['report_overdue'] : ['report_due', 'report_overdue'];
    const { rows, total } = await this.repo.notices({
      kinds,
      pattern: actor.role === 'admin' ? '%' : `${actor.unitPath}%`,
      month: q.month ?? null,
      offset: offsetOf(q),
      limit: q.pageSize,
    });
    const items = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      unit: { id: r.unit_id, code: r.code, name: r.name, level: r.level },
      month: r.month,
      dueOn: dueOn(r.month),
      submitted: r.submitted,
      message:
        r.kind === 'report_due'
          ? `Báo cáo tháng ${r.month} của ${r.name} cần nộp trước ngày ${dueOn(r.month)}`
          : `${r.name} chưa nộp báo cáo tháng ${r.month} (hạn ${dueOn(r.month)})`,
      createdAt: r.created_at.toISOString(),
    }));
    return page(items, total, q);
  }
}
