import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import {
  coverageJob,
  exportCoverage,
  getCoverage,
  getTrend,
  getUnit,
  listUnreached,
  requestCoverage,
  type CoveragePeriod,
  type CoverageReport,
  type UnitFigures,
} from '../api/endpoints';
import type { AdminUnit } from '../api/types';
import { useSession } from '../auth/useSession';
import { Busy } from '../components/Busy';
import { ExportButtons } from '../components/download';
import { errorText } from '../components/errors';
import { lastMonth, PeriodFilters } from '../components/PeriodFilters';
import { StatusTag } from '../components/StatusTag';
import { useUnits } from '../components/units';
import { formatDate, formatNumber } from '../format';

/** Apache ECharts loads with the trend only, after the figures and the table are on screen. */
const TrendLine = lazy(() => import('../components/TrendLine'));

/** Performance marks the dashboard benchmark reads (bench/web-dashboard.ts). */
const mark = (name: string) => {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
};

/** 80,5% — a share (0..1) the Vietnamese way, one decimal at most. */
const percent = (share: number): string => `${formatNumber(share * 100, 1)}%`;

const SERVICES = ['methadone', 'community', 'facility', 'counseling', 'support', 'medical'] as const;


function periodOf(unitId: string, month: Dayjs): CoveragePeriod {
  return { unitId, from: month.startOf('month').format('YYYY-MM-DD'), to: month.endOf('month').format('YYYY-MM-DD') };
}

function Figure({ label, share, target, n, of }: { label: string; share: number; target: number; n: number; of: number }) {
  const { t } = useTranslation();
  const met = share >= target;
  return (
    <div className="coverage-figure">
      <h3>{label}</h3>
      <p className="coverage-share">{percent(share)}</p>
      <p>
        {t('coverage.ofTarget', { target: percent(target) })} ·{' '}
        <StatusTag tone={met ? 'success' : 'danger'}>{met ? t('coverage.met') : t('coverage.below')}</StatusTag>
      </p>
      <p className="muted">{t('coverage.counts', { n: formatNumber(n), of: formatNumber(of) })}</p>
    </div>
  );
}

function Unreached({ period }: { period: CoveragePeriod }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, isLoading, error } = useQuery({
    queryKey: ['coverage-unreached', period, page],
    queryFn: () => listUnreached({ ...period, page, pageSize: 20 }),
  });
  if (error) return <Alert type="error" showIcon title={errorText(t, error)} />;
  return (
    <Table
      size="small"
      rowKey="id"
      loading={isLoading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('coverage.noUnreached') }}
      pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      columns={[
        { key: 'name', title: t('coverage.name'), render: (_, p) => <Link href={`/people/${p.id}`}>{p.fullName}</Link> },
        { key: 'code', title: t('coverage.caseCode'), dataIndex: 'caseCode' },
        {
          key: 'last',
          title: t('coverage.lastService'),
          render: (_, p) => (p.lastServiceDate ? formatDate(p.lastServiceDate) : t('coverage.never')),
        },
      ]}
    />
  );
}

function Trend({ report }: { report: CoverageReport }) {
  const { t } = useTranslation();
  const month = report.from.slice(0, 7);
  const { data } = useQuery({
    queryKey: ['coverage-trend', report.unitId, month, report.computedAt],
    queryFn: () => getTrend({ unitId: report.unitId, indicator: 'share', months: 12, to: month }),
  });
  if (!data) return null;
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">{t('coverage.trend')}</h2>
      <Suspense fallback={<Busy />}>
        <TrendLine points={data.points} target={data.target} label={t('coverage.trend')} onDrawn={() => mark('coverage:chart')} />
      </Suspense>
    </section>
  );
}

function Report({ report, onOpen }: { report: CoverageReport; onOpen: (unitId: string) => void }) {
  const { t } = useTranslation();
  const [showUnreached, setShowUnreached] = useState(false);
  const period = { unitId: report.unitId, from: report.from, to: report.to };
  useEffect(() => mark('coverage:table'), []);


  const columns: ColumnsType<UnitFigures> = [
    {
      key: 'unit',
      title: t('coverage.unit'),
      sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'),
      render: (_, c) => (
        <Button type="link" className="link-button" onClick={() => onOpen(c.unit.id)}>
          {c.unit.name}
        </Button>
      ),
    },
    { key: 'files', title: t('coverage.withFiles'), align: 'right', sorter: (a, b) => a.withFiles - b.withFiles, render: (_, c) => formatNumber(c.withFiles) },
    {
      key: 'reached',
      title: t('coverage.reachedCount'),
      align: 'right',
      sorter: (a, b) => a.reachedServices - b.reachedServices,
      render: (_, c) => formatNumber(c.reachedServices),
    },
    {
      key: 'share',
      title: t('coverage.share'),
      align: 'right',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.share - b.share,
      render: (_, c) => (
        <StatusTag tone={c.share >= c.target ? 'success' : 'danger'}>
          {percent(c.share)} · {c.share >= c.target ? t('coverage.met') : t('coverage.below')}
        </StatusTag>
      ),
    },
  ];

  return (
    <>
      <p className="muted">
        {t('coverage.computedAt', { at: dayjs(report.computedAt).format('DD/MM/YYYY HH:mm'), asOf: formatDate(report.asOf) })}
      </p>
      <div className="coverage-figures">
        <Figure label={t('coverage.reached')} share={report.share} target={report.target} n={report.reachedServices} of={report.withFiles} />
        <Figure
          label={t('coverage.postRehab')}
          share={report.postRehab.share}
          target={report.postRehab.target}
          n={report.postRehab.supported}
          of={report.postRehab.supervised}
        />
        <Figure
          label={t('coverage.detention')}
          share={report.detention.share}
          target={report.detention.target}
          n={report.detention.treated}
          of={report.detention.held}
        />
      </div>
      <div className="actions-row no-print">
        <ExportButtons file={(format) => exportCoverage({ ...period, format })} />
        {report.unit.level === 'commune' && (
          <Button type={showUnreached ? 'default' : 'primary'} aria-expanded={showUnreached} onClick={() => setShowUnreached((v) => !v)}>
            {showUnreached ? t('coverage.hideUnreached') : t('coverage.unreached')}
          </Button>
        )}
      </div>
      {showUnreached && (
        <section aria-labelledby="unreached-title">
          <h2 id="unreached-title">{t('coverage.unreached')}</h2>
          <Unreached period={period} />
        </section>
      )}
      <Trend report={report} />
      <h2>{t('coverage.byService')}</h2>
      <table className="data-table coverage-services" aria-label={t('coverage.byService')}>
        <thead>
          <tr>
            <th scope="col">{t('coverage.service')}</th>
            <th scope="col">{t('coverage.people')}</th>
          </tr>
        </thead>
        <tbody>
          {SERVICES.map((s) => (
            <tr key={s}>
              <td>{t(`coverage.services.${s}`)}</td>
              <td>{formatNumber(report.byService[s])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.unit.level !== 'commune' && (
        <>
          <h2>{t('coverage.children')}</h2>
          <Table
            size="small"
            rowKey={(c) => c.unit.id}
            dataSource={report.children}
            columns={columns}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('coverage.noChildren') }}
          />
        </>
      )}
    </>
  );
}

/** How far a job has come, as its steps: sent, waiting in the queue, computing, done. */
const STEP = { sent: 5, queued: 20, running: 60, done: 100, failed: 100 } as const;

/** Seconds since `key` was last set (0 while it is null), ticking every second. */
function useSeconds(key: string | null): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (key === null) return;
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.round((Date.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, [key]);
  return seconds;
}

/** A stored report, or the button that computes it and follows the job until it is done. */
function Stored({ period, onOpen }: { period: CoveragePeriod; onOpen: (unitId: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const key = ['coverage', period.unitId, period.from, period.to];
  const report = useQuery({
    queryKey: key,
    queryFn: () => getCoverage(period),
    retry: (n, err) => !(err instanceof ApiError && err.status === 404) && n < 1,
  });
  const compute = useMutation({ mutationFn: () => requestCoverage(period), onSuccess: (r) => setJobId(r.jobId) });
  const job = useQuery({
    queryKey: ['coverage-job', jobId],
    queryFn: () => coverageJob(jobId!),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'done' || q.state.data?.status === 'failed' ? false : 1000),
  });
  const status = job.data?.status;
  const elapsed = useSeconds(jobId);
  useEffect(() => {
    if (status !== 'done') return;
    // The job stored every unit's report of the period: read them again, then show this one.
    void client.invalidateQueries({ queryKey: ['coverage'] }).then(() => setJobId(null));
  }, [status, client]);

  if (report.isLoading) return <Busy />;
  const missing = report.error instanceof ApiError && report.error.status === 404;
  if (report.error && !missing) return <Alert type="error" showIcon title={errorText(t, report.error)} />;
  if (report.data && !jobId) return <Report report={report.data} onOpen={onOpen} />;

  const running = jobId !== null && status !== 'failed';
  return (
    <div className="coverage-missing">
      {!running && <p>{t('coverage.notComputed')}</p>}
      {status === 'failed' && <Alert type="error" showIcon title={t('coverage.jobStatus.failed')} />}
      {compute.error && <Alert type="error" showIcon title={errorText(t, compute.error)} />}
      {running ? (
        <div role="status" className="coverage-progress">
          <progress max={100} value={STEP[status ?? 'sent']} aria-label={t('coverage.computing')} />
          <span>
            {t('coverage.computing')} ({t(`coverage.jobStatus.${status ?? 'sent'}`)}, {t('coverage.elapsed', { s: elapsed })})
          </span>
        </div>
      ) : (
        <Button type="primary" loading={compute.isPending} onClick={() => compute.mutate()}>
          {t('coverage.compute')}
        </Button>
      )}
    </div>
  );
}

export default function Coverage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { units } = useUnits();
  const ownId = user?.adminUnitId ?? null;
  const own = useQuery({ queryKey: ['unit', ownId], queryFn: () => getUnit(ownId!), enabled: ownId !== null, staleTime: 10 * 60_000 });
  const all: AdminUnit[] = own.data ? [own.data, ...units.filter((u) => u.id !== own.data.id)] : units;
  const byId = new Map(all.map((u) => [u.id, u]));
  const root = ownId ?? all.find((u) => u.level === 'province')?.id ?? null;
  const [picked, setPicked] = useState<string | null>(null);
  const [month, setMonth] = useState<Dayjs>(lastMonth);
  const unitId = picked ?? root;

  // From the chosen unit up to the caller's own: the breadcrumb back up the drill-down.
  const path: AdminUnit[] = [];
  for (let u = unitId ? byId.get(unitId) : undefined; u; u = u.id === root || !u.parentId ? undefined : byId.get(u.parentId)) path.unshift(u);

  const period = unitId ? periodOf(unitId, month) : null;
  return (
    <section aria-labelledby="coverage-title">
      <div className="page-head">
        <h1 id="coverage-title">{t('coverage.title')}</h1>
      </div>
      <PeriodFilters id="coverage" units={all} unitId={unitId} onUnit={setPicked} month={month} onMonth={setMonth} />
      {period && (
        <p className="muted">{t('coverage.period', { from: formatDate(period.from), to: formatDate(period.to) })}</p>
      )}
      {path.length > 1 && (
          <Breadcrumb
            aria-label={t('coverage.path')}
            items={path.map((u, i) =>
              i === path.length - 1
                ? { key: u.id, title: <span aria-current="page">{u.name}</span> }
                : {
                    key: u.id,
                    title: (
                      <Button type="link" className="link-button" onClick={() => setPicked(u.id)}>
                        {u.name}
                      </Button>
                    ),
                  },
            )}
          />
      )}
      {period ? <Stored key={`${period.unitId}${period.from}`} period={period} onOpen={setPicked} /> : <Busy />}
    </section>
  );
}
