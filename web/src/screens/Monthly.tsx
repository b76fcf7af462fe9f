import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Modal, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exportMonthly,
  getMonthlyReport,
  getMonthlyRollup,
  submitMonthlyReport,
  type MonthlyQuery,
  type MonthlyReport,
  type MonthlyRollup,
} from '../api/endpoints';
import { useSession } from '../auth/useSession';
import { Busy } from '../components/Busy';
import { ExportButtons } from '../components/download';
import { errorText } from '../components/errors';
import { lastMonth, PeriodFilters } from '../components/PeriodFilters';
import { StatusTag, type Tone } from '../components/StatusTag';
import { toast } from '../components/toast';
import { useUnits } from '../components/units';
import { formatDate, formatNumber } from '../format';

type Shares = MonthlyReport['liveShares'];
type FigureKey = keyof MonthlyReport['live'];

const percent = (share: number): string => `${formatNumber(share * 100, 1)}%`;
/** 2025-03 → 03/2025 */
const monthText = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
const STATUS_TONE: Record<MonthlyReport['status'], Tone> = { open: 'neutral', due: 'warning', submitted: 'success', overdue: 'danger' };

/** The four shares of a month against their targets. */
function SharesTable({ shares, caption }: { shares: Shares; caption: string }) {
  const { t } = useTranslation();
  return (
    <table className="data-table monthly-shares" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">{t('monthly.indicator')}</th>
          <th scope="col">{t('coverage.share')}</th>
          <th scope="col">{t('monthly.target')}</th>
        </tr>
      </thead>
      <tbody>
        {(Object.keys(shares) as (keyof Shares)[]).map((k) => (
          <tr key={k}>
            <td>{t(`monthly.shares.${k}`)}</td>
            <td>{percent(shares[k].value)}</td>
            <td>
              {percent(shares[k].target)}{' '}
              <StatusTag tone={shares[k].met ? 'success' : 'danger'}>{shares[k].met ? t('coverage.met') : t('coverage.below')}</StatusTag>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A commune's month: status, the live figures beside the submitted ones, and (for its worker) submitting. */
function CommuneMonth({ query, canSubmit }: { query: MonthlyQuery; canSubmit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [comment, setComment] = useState('');
  const { data, error, isLoading } = useQuery({ queryKey: ['monthly', query], queryFn: () => getMonthlyReport(query) });
  const submit = useMutation({
    mutationFn: () => submitMonthlyReport({ ...query, comment: comment.trim() || undefined, correction: data?.submitted ? true : undefined }),
    onSuccess: (r) => {
      setConfirming(false);
      setComment('');
      toast.success(t('monthly.submittedToast', { version: r.version }));
      void client.invalidateQueries({ queryKey: ['monthly'] });
      void client.invalidateQueries({ queryKey: ['monthly-rollup'] });
    },
    onError: (err) => toast.error(errorText(t, err)),
  });
  if (isLoading) return <Busy />;
  if (error || !data) return <Alert type="error" showIcon title={errorText(t, error)} />;

  const last = data.submitted;
  const keys = Object.keys(data.live) as FigureKey[];
  const ended = data.status !== 'open';
  return (
    <section aria-labelledby="monthly-commune-title">
      <h2 id="monthly-commune-title">{t('monthly.communeTitle', { unit: data.unit.name, month: monthText(data.month) })}</h2>
      <p>
        <StatusTag tone={STATUS_TONE[data.status]}>{t(`monthly.status.${data.status}`)}</StatusTag>{' '}
        {t('monthly.dueOn', { date: formatDate(data.dueOn) })} · {t('monthly.asOf', { date: formatDate(data.asOf) })}
      </p>
      {last && (
        <p className="monthly-submitted">
          {t('monthly.submittedLine', { version: last.version, at: dayjs(last.submittedAt).format('DD/MM/YYYY HH:mm'), by: last.submittedByName })}
          {last.comment ? ` · ${t('monthly.commentShown', { comment: last.comment })}` : ''}
        </p>
      )}
      {data.differs.length > 0 && <Alert type="warning" showIcon title={t('monthly.differs', { n: data.differs.length })} />}
      <SharesTable shares={last?.shares ?? data.liveShares} caption={t('monthly.sharesOf', { unit: data.unit.name })} />
      <div className="table-scroll">
        <table className="data-table monthly-figures" aria-label={t('monthly.figuresOf', { unit: data.unit.name })}>
          <thead>
            <tr>
              <th scope="col">{t('monthly.figure')}</th>
              <th scope="col">{t('monthly.live')}</th>
              {last && <th scope="col">{t('monthly.submittedVersion', { version: last.version })}</th>}
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k} className={data.differs.includes(k) ? 'differs' : undefined}>
                <td>{t(`monthly.figures.${k}`)}</td>
                <td>{formatNumber(data.live[k])}</td>
                {last && (
                  <td>
                    {formatNumber(last.figures[k])}
                    {data.differs.includes(k) && <span className="visually-hidden"> ({t('monthly.changed')})</span>}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions-row no-print">
        {canSubmit && (
          <Button type="primary" disabled={!ended} onClick={() => setConfirming(true)}>
            {last ? t('monthly.submitCorrection') : t('monthly.submit')}
          </Button>
        )}
        {last && <ExportButtons file={(format) => exportMonthly({ ...query, format })} />}
      </div>
      {canSubmit && !ended && <p className="muted">{t('monthly.notEnded')}</p>}
      <Modal
        open={confirming}
        title={t(last ? 'monthly.confirmCorrectionTitle' : 'monthly.confirmTitle', { month: monthText(data.month) })}
        okText={t('monthly.confirmOk')}
        cancelText={t('common.cancel')}
        confirmLoading={submit.isPending}
        onOk={() => submit.mutate()}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <p>{t('monthly.confirmText', { unit: data.unit.name, month: monthText(data.month) })}</p>
        <label htmlFor="monthly-comment">{t('monthly.comment')}</label>
        <Input.TextArea id="monthly-comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Modal>
    </section>
  );
}

/** Which communes under a unit have submitted the month, each one click away, and the sums. */
function Rollup({ query, onOpen }: { query: MonthlyQuery; onOpen: (unitId: string) => void }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useQuery({ queryKey: ['monthly-rollup', query], queryFn: () => getMonthlyRollup(query) });
  if (isLoading) return <Busy />;
  if (error || !data) return <Alert type="error" showIcon title={errorText(t, error)} />;
  type Row = MonthlyRollup['units'][number];
  const state = (u: Row) => (u.submitted ? 'submitted' : u.overdue ? 'overdue' : 'notSubmitted');
  const tone = { submitted: 'success', overdue: 'danger', notSubmitted: 'warning' } as const;
  return (
    <>
      <p className="monthly-count">
        {t('monthly.submittedCount', { n: data.submittedCommunes, of: data.communes })} · {t('monthly.dueOn', { date: formatDate(data.dueOn) })}
      </p>
      <h2 id="monthly-communes">{t('monthly.communes')}</h2>
      <Table<Row>
        size="small"
        rowKey={(u) => u.unit.id}
        dataSource={data.units}
        pagination={data.units.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        aria-labelledby="monthly-communes"
        columns={[
          {
            key: 'unit',
            title: t('coverage.unit'),
            sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'),
            render: (_, u) => (
              <Button type="link" className="link-button" onClick={() => onOpen(u.unit.id)}>
                {u.unit.name}
              </Button>
            ),
          },
          {
            key: 'status',
            title: t('monthly.state'),
            sorter: (a, b) => state(a).localeCompare(state(b)),
            render: (_, u) => <StatusTag tone={tone[state(u)]}>{t(`monthly.rollupStatus.${state(u)}`, { version: u.version })}</StatusTag>,
          },
          {
            key: 'at',
            title: t('monthly.submittedAt'),
            render: (_, u) => (u.submittedAt ? `${dayjs(u.submittedAt).format('DD/MM/YYYY HH:mm')} · ${u.submittedByName ?? ''}` : t('common.none')),
          },
        ]}
      />
      <h2>{t('monthly.rollupTitle', { unit: data.unit.name })}</h2>
      <SharesTable shares={data.shares} caption={t('monthly.sharesOf', { unit: data.unit.name })} />
      <div className="table-scroll">
        <table className="data-table monthly-figures" aria-label={t('monthly.rollupTitle', { unit: data.unit.name })}>
          <thead>
            <tr>
              <th scope="col">{t('monthly.figure')}</th>
              <th scope="col">{t('monthly.sumSubmitted')}</th>
              <th scope="col">{t('monthly.sumLive')}</th>
            </tr>
          </thead>
          <tbody>
            {data.figures.map((f) => (
              <tr key={f.key} className={f.live === null ? undefined : 'differs'}>
                <td>{t(`monthly.figures.${f.key}`)}</td>
                <td>{formatNumber(f.submitted)}</td>
                <td>{f.live === null ? t('common.none') : formatNumber(f.live)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions-row no-print">
        <ExportButtons file={(format) => exportMonthly({ ...query, format })} />
      </div>
    </>
  );
}

/** Monthly reports: a commune worker reviews and submits its month; the province follows who submitted and reads the roll-up. */
export default function Monthly() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { units } = useUnits();
  const commune = user?.role === 'commune_worker';
  const [month, setMonth] = useState<Dayjs>(lastMonth);
  const [picked, setPicked] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const areas = units.filter((u) => u.level !== 'commune');
  const unitId = picked ?? user?.adminUnitId ?? areas.find((u) => u.level === 'province')?.id ?? null;
  const m = month.format('YYYY-MM');
  return (
    <section aria-labelledby="monthly-title">
      <div className="page-head">
        <h1 id="monthly-title">{t('monthly.title')}</h1>
      </div>
      <PeriodFilters
        id="monthly"
        units={commune ? [] : areas}
        unitId={unitId}
        onUnit={(v) => {
          setPicked(v);
          setOpened(null);
        }}
        month={month}
        onMonth={setMonth}
      />
      {unitId === null ? (
        <Busy />
      ) : commune ? (
        <CommuneMonth query={{ unitId, month: m }} canSubmit />
      ) : opened ? (
        <>
          <Button className="no-print" onClick={() => setOpened(null)}>
            {t('monthly.backToList')}
          </Button>
          <CommuneMonth query={{ unitId: opened, month: m }} canSubmit={user?.role === 'admin'} />
        </>
      ) : (
        <Rollup query={{ unitId, month: m }} onOpen={setOpened} />
      )}
    </section>
  );
}
