import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Input } from 'antd';
import { StatusTag } from '../components/StatusTag';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listFacilities, listFacilityResidents, rows, type Resident } from '../api/endpoints';
import { useSession } from '../auth/useSession';
import { DataTable } from '../components/DataTable';
import { errorText } from '../components/errors';
import { EndEnrollmentDialog, EnrollDialog } from '../components/lazy';
import { NativeSelect } from '../components/NativeSelect';
import { Pager } from '../components/Pager';
import { daysBetween, formatDate, todayIso } from '../format';

const PAGE_SIZE = 20;

/**
 * The facility's current residents (its active stays), a page at a time from the server, sorted by
 * given name and searched there by name or case code. Facility staff see their own facility; an
 * administrator picks a rehabilitation or detention facility.
 */
export default function Facility() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdmin = user?.role === 'admin';
  const [chosen, setChosen] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [admitting, setAdmitting] = useState(false);
  const [ending, setEnding] = useState<Resident | null>(null);

  const facilities = useQuery({
    queryKey: ['facilities'],
    queryFn: listFacilities,
    enabled: isAdmin,
    select: (list) => rows(list).filter((f) => f.type === 'rehab_facility' || f.type === 'detention_facility'),
  });
  const facilityId = isAdmin ? (chosen ?? facilities.data?.[0]?.id ?? null) : (user?.facilityId ?? null);
  const query = { ...(isAdmin && facilityId ? { facilityId } : {}), q: search || undefined, page, pageSize: PAGE_SIZE };
  const { data, isFetching, error } = useQuery({
    queryKey: ['residents', query],
    queryFn: () => listFacilityResidents(query),
    enabled: !isAdmin || facilityId !== null,
    placeholderData: keepPreviousData,
  });
  // Ending the last stay of the last page leaves that page empty: step back to the one before.
  useEffect(() => {
    if (data && data.items.length === 0 && data.total > 0 && page > 1) setPage(Math.ceil(data.total / PAGE_SIZE));
  }, [data, page]);
  const today = todayIso();

  return (
    <section aria-labelledby="facility-title">
      <div className="page-head">
        <h1 id="facility-title">{t('facility.title')}</h1>
        <Button type="primary" onClick={() => setAdmitting(true)}>
          {t('facility.admit')}
        </Button>
      </div>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
          setPage(1);
        }}
      >
        {isAdmin && (
          <div className="filter">
            <label htmlFor="facility-which">{t('enrollment.facility')}</label>
            <NativeSelect
              id="facility-which"
              value={facilityId ?? ''}
              onChange={(e) => {
                setChosen(e.target.value);
                setPage(1);
              }}
              options={(facilities.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
            />
          </div>
        )}
        <div className="filter search">
          <label htmlFor="facility-q">{t('facility.searchLabel')}</label>
          <div className="search-row">
            <Input id="facility-q" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('facility.searchPlaceholder')} allowClear autoComplete="off" />
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
          </div>
        </div>
      </form>
      {(error || facilities.error) && <Alert type="error" showIcon title={errorText(t, error ?? facilities.error)} />}
      <DataTable<Resident>
        label={t('facility.title')}
        rows={data?.items ?? []}
        rowKey={(r) => r.enrollmentId}
        busy={isFetching}
        empty={isFetching && !data ? t('app.loading') : search ? t('facility.noMatch') : t('facility.empty')}
        columns={[
          {
            key: 'who',
            title: t('facility.resident'),
            render: (r) => (
              <div>
                <Link href={`/people/${r.personId}`}>{r.fullName}</Link>
                <div className="muted">{r.caseCode}</div>
              </div>
            ),
          },
          { key: 'mode', title: t('enrollment.mode'), render: (r) => (r.mode ? <StatusTag tone="neutral">{t(`modes.${r.mode}`)}</StatusTag> : null) },
          { key: 'start', title: t('enrollment.startDate'), render: (r) => `${formatDate(r.startDate)} · ${t('facility.days', { days: daysBetween(r.startDate, today) })}` },
          { key: 'planned', title: t('enrollment.plannedEndDate'), render: (r) => formatDate(r.plannedEndDate) },
          {
            key: 'end',
            title: t('common.actions'),
            render: (r) => (
              <Button onClick={() => setEnding(r)} aria-label={`${t('facility.endStay')}: ${r.fullName}`}>
                {t('facility.endStay')}
              </Button>
            ),
          },
        ]}
      />
      {data && data.total > 0 && <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />}
      <Suspense fallback={null}>
        {ending && (
          <EndEnrollmentDialog
            open
            onClose={() => setEnding(null)}
            enrollment={{ id: ending.enrollmentId, personId: ending.personId }}
            title={`${t('facility.endTitle')}: ${ending.fullName}`}
          />
        )}
        {admitting && <EnrollDialog open onClose={() => setAdmitting(false)} type="facility" facilityId={facilityId} title={t('facility.admitTitle')} />}
      </Suspense>
    </section>
  );
}
