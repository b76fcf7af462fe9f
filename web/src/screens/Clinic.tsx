import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Radio, type InputRef } from 'antd';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/client';
import { listFacilities, recordRoster, roster, rows, type RosterItem } from '../api/endpoints';
import { useSession } from '../auth/useSession';
import { DataTable } from '../components/DataTable';
import { errorText } from '../components/errors';
import { DoseHistory, EndEnrollmentDialog, EnrollDialog } from '../components/lazy';
import { NativeSelect } from '../components/NativeSelect';
import { Pager } from '../components/Pager';
import { FacilityPicker, SearchBox, SearchForm } from '../components/SearchForm';
import { StatusTag } from '../components/StatusTag';
import { toast } from '../components/toast';
import { formatDate, formatNumber, todayIso } from '../format';

// "none" is a missed dose without a reason: those count toward self-termination (Decree 116/2021).
const REASONS = ['none', 'sick', 'hospitalised', 'detained', 'permitted_travel', 'other'] as const;
type Reason = (typeof REASONS)[number];

/** A day at the counter: a few screens of patients, each page small enough to record in one pass. */
const PAGE_SIZE = 50;
/** How long the search box waits after the last keystroke before asking the server. */
const SEARCH_DELAY_MS = 400;

const STATUSES = ['all', 'pending', 'taken', 'missed'] as const;
type StatusFilter = (typeof STATUSES)[number];

const reasonOf = (r: Reason | undefined) => (r && r !== 'none' ? r : undefined);

/** "60", "60,5" or "60.5" as typed at the counter; undefined when empty or not a dose. */
function parseMg(text: string | undefined): number | undefined {
  if (!text?.trim()) return undefined;
  const n = Number(text.trim().replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * The clinic's day at the counter: the active patients a page at a time from the server, sorted by
 * given name, searched there by name (with or without diacritics) or case code and filtered by the
 * day's dose; recorded with the keyboard (type the mg, Enter, next patient) or marked missed with a
 * reason. Clinic staff see their own clinic; an administrator picks a methadone clinic.
 */
export default function Clinic() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdmin = user?.role === 'admin';
  const qc = useQueryClient();
  const date = todayIso();
  const [chosen, setChosen] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState(1);
  const [mg, setMg] = useState<Record<string, string>>({});
  const [reason, setReason] = useState<Record<string, Reason>>({});
  const [history, setHistory] = useState<RosterItem | null>(null);
  const [ending, setEnding] = useState<RosterItem | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const inputs = useRef(new Map<string, InputRef | null>());
  const searchBox = useRef<InputRef>(null);
  // The last row of a page was recorded: where its focus goes if the refreshed list no longer shows it.
  const refocus = useRef<{ enrollmentId: string; index: number } | null>(null);

  const facilities = useQuery({
    queryKey: ['facilities'],
    queryFn: listFacilities,
    enabled: isAdmin,
    select: (list) => rows(list).filter((f) => f.type === 'methadone_clinic'),
  });
  const facilityId = isAdmin ? (chosen ?? facilities.data?.[0]?.id ?? null) : (user?.facilityId ?? null);
  const clinic = isAdmin && facilityId ? { facilityId } : {};
  const query = { date, ...clinic, ...(status !== 'all' ? { status } : {}), q: search || undefined, page, pageSize: PAGE_SIZE };
  const { data, isFetching, error } = useQuery({
    queryKey: ['roster', date, query],
    queryFn: () => roster(query),
    enabled: !isAdmin || facilityId !== null,
    placeholderData: keepPreviousData,
  });
  const items = data?.items ?? [];

  // The search reaches the server once typing pauses (or at once with Enter).
  useEffect(() => {
    const next = q.trim();
    if (next === search) return;
    const timer = setTimeout(() => {
      setSearch(next);
      setPage(1);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, search]);
  // Recording the last pending patient of the last page (or ending a treatment) can leave that page empty.
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0 && page > 1) setPage(Math.ceil(data.total / PAGE_SIZE));
  }, [data, page]);
  // Once the list is refreshed after the last row of a page was recorded: if that row has left the
  // list (filtered on pending), the focus goes to the row now in its place rather than to nowhere.
  useEffect(() => {
    const target = refocus.current;
    if (!target || !data || isFetching) return;
    refocus.current = null;
    if (data.items.some((r) => r.enrollmentId === target.enrollmentId)) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    const next = data.items[Math.min(target.index, data.items.length - 1)];
    if (next) inputs.current.get(next.enrollmentId)?.focus();
    else searchBox.current?.focus();
  }, [data, isFetching]);

  const shownMg = (r: RosterItem) => mg[r.enrollmentId] ?? (r.dose?.doseMg ?? r.prescribedDoseMg)?.toString() ?? '';

  const record = useMutation({
    mutationFn: async ({ item, outcome }: { item: RosterItem; outcome: 'taken' | 'missed'; next: RosterItem | undefined; index: number }) => {
      const result = await recordRoster({
        date,
        ...clinic,
        rows: [
          outcome === 'taken'
            ? { enrollmentId: item.enrollmentId, status: outcome, doseMg: parseMg(shownMg(item)) }
            : { enrollmentId: item.enrollmentId, status: outcome, missedReason: reasonOf(reason[item.enrollmentId]) },
        ],
      });
      const row = result.results[0];
      if (!row?.ok) throw new ApiError(row?.error?.statusCode ?? 400, { statusCode: row?.error?.statusCode ?? 400, message: row?.error?.message });
      return item;
    },
    onSuccess: async (item, { next, index }) => {
      toast.success(t('clinic.saved', { name: item.fullName }));
      // The row stays until the list is refreshed (even filtered on pending), so do the typed doses of the others.
      if (next) inputs.current.get(next.enrollmentId)?.focus();
      else refocus.current = { enrollmentId: item.enrollmentId, index };
      await Promise.all([qc.invalidateQueries({ queryKey: ['roster', date] }), qc.invalidateQueries({ queryKey: ['doses', item.enrollmentId] })]);
    },
    onError: (err, { item }) => toast.error(t('clinic.failed', { name: item.fullName, detail: errorText(t, err) })),
  });

  const counts = data?.counts;
  const countOf = (s: StatusFilter) => (!counts ? undefined : s === 'all' ? counts.pending + counts.taken + counts.missed : counts[s]);
  const statusName = (s: StatusFilter) => (s === 'all' ? t('common.all') : t(`clinic.${s}`));
  const take = (r: RosterItem, index: number) => record.mutate({ item: r, outcome: 'taken', next: items[index + 1], index });
  return (
    <section aria-labelledby="clinic-title">
      <div className="page-head">
        <div>
          <h1 id="clinic-title">{t('clinic.title')}</h1>
          <p className="subtitle">{formatDate(date)}</p>
        </div>
        <Button type="primary" onClick={() => setEnrolling(true)}>
          {t('clinic.enroll')}
        </Button>
      </div>
      <p>{t('clinic.intro')}</p>
      <SearchForm
        onSearch={() => {
          setSearch(q.trim());
          setPage(1);
        }}
      >
        {isAdmin && (
          <FacilityPicker
            id="clinic-which"
            label={t('clinic.clinic')}
            facilities={facilities.data ?? []}
            value={facilityId}
            onChange={(id) => {
              setChosen(id);
              setPage(1);
            }}
          />
        )}
        <SearchBox id="clinic-filter" label={t('clinic.filter')} placeholder={t('clinic.searchPlaceholder')} value={q} onChange={setQ} inputRef={searchBox} />
      </SearchForm>
      <div className="filter status-filter">
        <span id="clinic-status" className="filter-label">
          {t('clinic.statusFilter')}
        </span>
        <Radio.Group
          aria-labelledby="clinic-status"
          optionType="button"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as StatusFilter);
            setPage(1);
          }}
          options={STATUSES.map((s) => {
            const n = countOf(s);
            return { value: s, label: n === undefined ? statusName(s) : t('clinic.statusCount', { status: statusName(s), n: formatNumber(n) }) };
          })}
        />
      </div>
      {(error || facilities.error) && <Alert type="error" showIcon title={errorText(t, error ?? facilities.error)} />}
      <DataTable<RosterItem>
        label={t('clinic.rosterOf')}
        rows={items}
        rowKey={(r) => r.enrollmentId}
        busy={isFetching}
        empty={isFetching && !data ? t('app.loading') : search ? t('clinic.noMatch') : status !== 'all' ? t('clinic.noneWithStatus') : t('clinic.empty')}
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
                    inputs.current.set(r.enrollmentId, el);
                  }}
                  className="dose-input"
                  aria-label={t('clinic.doseFor', { name: r.fullName })}
                  value={shownMg(r)}
                  onChange={(e) => setMg((m) => ({ ...m, [r.enrollmentId]: e.target.value }))}
                  onPressEnter={() => take(r, index)}
                  inputMode="decimal"
                  autoComplete="off"
                />
                <Button type="primary" onClick={() => take(r, index)} aria-label={`${t('clinic.taken')}: ${r.fullName}`}>
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
                <Button danger onClick={() => record.mutate({ item: r, outcome: 'missed', next: items[index + 1], index })} aria-label={`${t('clinic.markMissed')}: ${r.fullName}`}>
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
      {data && data.total > 0 && <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />}
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
          <EnrollDialog open onClose={() => setEnrolling(false)} type="methadone" facilityId={facilityId} title={t('clinic.enrollTitle')} />
        )}
      </Suspense>
    </section>
  );
}
