import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, type InputRef } from 'antd';
import { Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { recordRoster, roster, type RosterItem } from '../api/endpoints';
import { useSession } from '../auth/useSession';
import { Busy } from '../components/Busy';
import { DataTable } from '../components/DataTable';
import { errorText } from '../components/errors';
import { DoseHistory, EndEnrollmentDialog, EnrollDialog } from '../components/lazy';
import { NativeSelect } from '../components/NativeSelect';
import { StatusTag } from '../components/StatusTag';
import { toast } from '../components/toast';
import { compareVietnameseNames, formatDate, formatNumber, todayIso } from '../format';

// "none" is a missed dose without a reason: those count toward self-termination (Decree 116/2021).
const REASONS = ['none', 'sick', 'hospitalised', 'detained', 'permitted_travel', 'other'] as const;
type Reason = (typeof REASONS)[number];

const reasonOf = (r: Reason | undefined) => (r && r !== 'none' ? r : undefined);

/** "60", "60,5" or "60.5" as typed at the counter; undefined when empty or not a dose. */
function parseMg(text: string | undefined): number | undefined {
  if (!text?.trim()) return undefined;
  const n = Number(text.trim().replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * The clinic's day at the counter: every active patient on one screen, recorded in one pass with
 * the keyboard (type the mg, Enter, next patient), or marked missed with a reason.
 */
export default function Clinic() {
  const { t } = useTranslation();
  const { user } = useSession();
  const qc = useQueryClient();
  const date = todayIso();
  const [filter, setFilter] = useState('');
  const [mg, setMg] = useState<Record<string, string>>({});
  const [reason, setReason] = useState<Record<string, Reason>>({});
  const [history, setHistory] = useState<RosterItem | null>(null);
  const [ending, setEnding] = useState<RosterItem | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const inputs = useRef(new Map<number, InputRef | null>());

  const { data, isLoading, error } = useQuery({
    queryKey: ['roster', date],
    queryFn: () => roster({ date, pageSize: 100 }),
  });
  const items = [...(data?.items ?? [])]
    .filter((r) => !filter || `${r.fullName} ${r.caseCode}`.toLowerCase().includes(filter.toLowerCase()))
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));

  const shownMg = (r: RosterItem) => mg[r.enrollmentId] ?? (r.dose?.doseMg ?? r.prescribedDoseMg)?.toString() ?? '';

  const record = useMutation({
    mutationFn: async ({ item, status }: { item: RosterItem; status: 'taken' | 'missed'; index: number }) => {
      const result = await recordRoster({
        date,
        rows: [
          status === 'taken'
            ? { enrollmentId: item.enrollmentId, status, doseMg: parseMg(shownMg(item)) }
            : { enrollmentId: item.enrollmentId, status, missedReason: reasonOf(reason[item.enrollmentId]) },
        ],
      });
      const row = result.results[0];
      if (!row?.ok) throw new ApiError(row?.error?.statusCode ?? 400, { statusCode: row?.error?.statusCode ?? 400, message: row?.error?.message });
      return item;
    },
    onSuccess: async (item, { index }) => {
      toast.success(t('clinic.saved', { name: item.fullName }));
      inputs.current.get(index + 1)?.focus();
      await qc.invalidateQueries({ queryKey: ['roster', date] });
      await qc.invalidateQueries({ queryKey: ['doses', item.enrollmentId] });
    },
    onError: (err, { item }) => toast.error(t('clinic.failed', { name: item.fullName, detail: errorText(t, err) })),
  });

  const counts = data?.counts;
  return (
    <section aria-labelledby="clinic-title">
      <div className="page-head">
        <div>
          <h1 id="clinic-title">{t('clinic.title')}</h1>
          <p className="subtitle">
            {formatDate(date)}
            {counts && (
              <>
                {' · '}
                <span>{t('clinic.counts', { taken: formatNumber(counts.taken), missed: formatNumber(counts.missed), pending: formatNumber(counts.pending) })}</span>
              </>
            )}
          </p>
        </div>
        <Button type="primary" onClick={() => setEnrolling(true)}>
          {t('clinic.enroll')}
        </Button>
      </div>
      <p>{t('clinic.intro')}</p>
      <div className="filter search">
        <label htmlFor="clinic-filter">{t('clinic.filter')}</label>
        <Input id="clinic-filter" value={filter} onChange={(e) => setFilter(e.target.value)} allowClear autoComplete="off" />
      </div>
      {error && <Alert type="error" showIcon title={errorText(t, error)} />}
      {isLoading ? (
        <Busy />
      ) : (
        <DataTable<RosterItem>
          label={t('clinic.rosterOf')}
          rows={items}
          rowKey={(r) => r.enrollmentId}
          empty={t('clinic.empty')}
          columns={[
            {
              key: 'who',
              title: t('clinic.patient'),
              render: (r) => (
                <div>
                  <Link href={`/people/${r.personId}`}>{r.fullName}</Link>
                  <div className="muted">{r.caseCode}</div>
                  {r.consecutiveMissedDays >= 2 && <StatusTag tone="danger">{t('clinic.missedRun', { days: r.consecutiveMissedDays })}</StatusTag>}
                </div>
              ),
            },
            {
              key: 'today',
              title: t('clinic.todayDose'),
              render: (r) =>
                r.dose ? (
                  <StatusTag tone={r.dose.status === 'taken' ? 'success' : 'danger'}>
                    {r.dose.status === 'taken' ? t('clinic.recordedTaken', { mg: formatNumber(Number(r.dose.doseMg ?? 0), 2) }) : t('clinic.recordedMissed')}
                  </StatusTag>
                ) : (
                  <StatusTag tone="neutral">{t('clinic.pending')}</StatusTag>
                ),
            },
            {
              key: 'mg',
              title: t('clinic.doseMg'),
              render: (r, index) => (
                <div className="dose-cell">
                  <Input
                    ref={(el) => {
                      inputs.current.set(index, el);
                    }}
                    className="dose-input"
                    aria-label={t('clinic.doseFor', { name: r.fullName })}
                    value={shownMg(r)}
                    onChange={(e) => setMg((m) => ({ ...m, [r.enrollmentId]: e.target.value }))}
                    onPressEnter={() => record.mutate({ item: r, status: 'taken', index })}
                    inputMode="decimal"
                    autoComplete="off"
                  />
                  <Button type="primary" onClick={() => record.mutate({ item: r, status: 'taken', index })} aria-label={`${t('clinic.taken')}: ${r.fullName}`}>
                    {t('clinic.taken')}
                  </Button>
                </div>
              ),
            },
            {
              key: 'missed',
              title: t('clinic.missed'),
              render: (r, index) => (
                <div className="missed-cell">
                  <NativeSelect
                    aria-label={`${t('clinic.reason')}: ${r.fullName}`}
                    value={reason[r.enrollmentId] ?? 'none'}
                    onChange={(e) => setReason((m) => ({ ...m, [r.enrollmentId]: e.target.value as Reason }))}
                    options={REASONS.map((k) => ({ value: k, label: t(`clinic.reasons.${k}`) }))}
                  />
                  <Button danger onClick={() => record.mutate({ item: r, status: 'missed', index })} aria-label={`${t('clinic.markMissed')}: ${r.fullName}`}>
                    {t('clinic.markMissed')}
                  </Button>
                </div>
              ),
            },
            {
              key: 'more',
              title: t('common.actions'),
              render: (r) => (
                <div className="row-actions">
                  <Button onClick={() => setHistory(r)} aria-label={`${t('clinic.history')}: ${r.fullName}`}>
                    {t('clinic.history')}
                  </Button>
                  <Button onClick={() => setEnding(r)} aria-label={`${t('clinic.endTreatment')}: ${r.fullName}`}>
                    {t('clinic.endTreatment')}
                  </Button>
                </div>
              ),
            },
          ]}
        />
      )}
      <Suspense fallback={null}>
        {history && <DoseHistory enrollmentId={history.enrollmentId} name={history.fullName} onClose={() => setHistory(null)} />}
        {ending && (
          <EndEnrollmentDialog
            open
            onClose={() => setEnding(null)}
            enrollment={{ id: ending.enrollmentId, personId: ending.personId }}
            title={`${t('clinic.endTreatment')}: ${ending.fullName}`}
          />
        )}
        {enrolling && (
          <EnrollDialog open onClose={() => setEnrolling(false)} type="methadone" facilityId={user?.facilityId ?? null} title={t('clinic.enrollTitle')} />
        )}
      </Suspense>
    </section>
  );
}
