import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { StatusTag } from '../components/StatusTag';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { getFacility, listFacilities, listFacilityResidents, rows, type Resident } from '../api/endpoints';
import { useSession } from '../auth/useSession';
import { DataTable } from '../components/DataTable';
import { errorText } from '../components/errors';
import { EndEnrollmentDialog, EnrollDialog } from '../components/lazy';
import { Pager } from '../components/Pager';
import { FacilityPicker, SearchBox, SearchForm } from '../components/SearchForm';
import { daysBetween, formatDate, todayIso } from '../format';
import type { Messages } from '../i18n/vi';

const PAGE_SIZE = 20;

/** The words that differ between a rehabilitation facility and a detention facility. */
type Wording = keyof Messages['facility']['detention'];

/**
 * The facility's current residents (its active stays), a page at a time from the server, sorted by
 * given name and searched there by name or case code. Facility staff see their own facility; an
 * administrator picks a rehabilitation or detention facility. A rehabilitation facility admits a
 * stay (voluntary or compulsory); a detention facility admits treatment in detention, which has no
 * mode, and the screen speaks of it in those words.
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
  const own = useQuery({
    queryKey: ['facility', facilityId],
    queryFn: () => getFacility(facilityId!),
    enabled: !isAdmin && facilityId !== null,
    staleTime: Infinity,
  });
  const facilityType = isAdmin ? facilities.data?.find((f) => f.id === facilityId)?.type : own.data?.type;
  const detention = facilityType === 'detention_facility';
  // The heading waits for the type rather than name the wrong kind of facility for a moment.
  const typeLoading = isAdmin ? facilities.isLoading : own.isLoading;
  const say = (key: Wording): string => t(detention ? `facility.detention.${key}` : `facility.${key}`);
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
        <h1 id="facility-title">{typeLoading ? null : say('title')}</h1>
        {/* Which enrollment an admission records depends on the facility's type: wait for it. */}
        <Button type="primary" onClick={() => setAdmitting(true)} disabled={!facilityType}>
          {say('admit')}
        </Button>
      </div>
      <SearchForm
        onSearch={() => {
          setSearch(q.trim());
          setPage(1);
        }}
      >
        {isAdmin && (
          <FacilityPicker
            id="facility-which"
            label={t('enrollment.facility')}
            facilities={facilities.data ?? []}
            value={facilityId}
            onChange={(id) => {
              setChosen(id);
              setPage(1);
            }}
          />
        )}
        <SearchBox id="facility-q" label={say('searchLabel')} placeholder={t('facility.searchPlaceholder')} value={q} onChange={setQ} />
      </SearchForm>
      {(error || facilities.error || own.error) && <Alert type="error" showIcon title={errorText(t, error ?? facilities.error ?? own.error)} />}
      <DataTable<Resident>
        label={say('title')}
        rows={data?.items ?? []}
        rowKey={(r) => r.enrollmentId}
        busy={isFetching}
        empty={isFetching && !data ? t('app.loading') : search ? say('noMatch') : say('empty')}
        columns={[
          {
            key: 'who',
            title: say('resident'),
            render: (r) => (
              <div>
                <Link href={`/people/${r.personId}`}>{r.fullName}</Link>
                <div className="muted">{r.caseCode}</div>
              </div>
            ),
          },
          // Treatment in detention has no mode: no column for it at a detention facility.
          ...(detention
            ? []
            : [{ key: 'mode', title: t('enrollment.mode'), render: (r: Resident) => (r.mode ? <StatusTag tone="neutral">{t(`modes.${r.mode}`)}</StatusTag> : null) }]),
          { key: 'start', title: t('enrollment.startDate'), render: (r) => `${formatDate(r.startDate)} · ${t('facility.days', { days: daysBetween(r.startDate, today) })}` },
          { key: 'planned', title: t('enrollment.plannedEndDate'), render: (r) => formatDate(r.plannedEndDate) },
          {
            key: 'end',
            title: t('common.actions'),
            render: (r) => (
              <Button onClick={() => setEnding(r)} aria-label={`${say('endStay')}: ${r.fullName}`}>
                {say('endStay')}
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
            title={`${say('endTitle')}: ${ending.fullName}`}
          />
        )}
        {admitting && (
          <EnrollDialog open onClose={() => setAdmitting(false)} type={detention ? 'detention' : 'facility'} facilityId={facilityId} title={say('admitTitle')} />
        )}
      </Suspense>
    </section>
  );
}
