import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { StatusTag } from '../components/StatusTag';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listEnrollments, listPersons, rows } from '../api/endpoints';
import type { Enrollment, PersonListItem } from '../api/types';
import { useSession } from '../auth/useSession';
import { Busy } from '../components/Busy';
import { DataTable } from '../components/DataTable';
import { errorText } from '../components/errors';
import { EndEnrollmentDialog, EnrollDialog } from '../components/lazy';
import { compareVietnameseNames, daysBetween, formatDate, todayIso } from '../format';

interface Resident {
  person: PersonListItem;
  stay: Enrollment;
}

/** The people facility staff may see are those with a stay here; the current residents are the active stays. */
async function residents(facilityId: string | null): Promise<Resident[]> {
  const people = await listPersons({ open: true, pageSize: 100 });
  const stays = await Promise.all(
    people.items.map(async (person) => {
      const stay = rows(await listEnrollments(person.id)).find(
        (e) => e.type === 'facility' && e.status === 'active' && (!facilityId || e.facilityId === facilityId),
      );
      return stay ? { person, stay } : null;
    }),
  );
  return stays.filter((r): r is Resident => r !== null).sort((a, b) => compareVietnameseNames(a.person.fullName, b.person.fullName));
}

export default function Facility() {
  const { t } = useTranslation();
  const { user } = useSession();
  const facilityId = user?.facilityId ?? null;
  const [admitting, setAdmitting] = useState(false);
  const [ending, setEnding] = useState<Resident | null>(null);
  const { data, isLoading, error } = useQuery({ queryKey: ['residents', facilityId], queryFn: () => residents(facilityId) });
  const today = todayIso();

  return (
    <section aria-labelledby="facility-title">
      <div className="page-head">
        <h1 id="facility-title">{t('facility.title')}</h1>
        <Button type="primary" onClick={() => setAdmitting(true)}>
          {t('facility.admit')}
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={errorText(t, error)} />}
      {isLoading ? (
        <Busy />
      ) : (
        <DataTable<Resident>
          label={t('facility.title')}
          rows={data ?? []}
          rowKey={(r) => r.stay.id}
          empty={t('facility.empty')}
          columns={[
            {
              key: 'who',
              title: t('facility.resident'),
              render: (r) => (
                <div>
                  <Link href={`/people/${r.person.id}`}>{r.person.fullName}</Link>
                  <div className="muted">{r.person.caseCode}</div>
                </div>
              ),
            },
            { key: 'mode', title: t('enrollment.mode'), render: (r) => (r.stay.mode ? <StatusTag tone="neutral">{t(`modes.${r.stay.mode}`)}</StatusTag> : null) },
            { key: 'start', title: t('enrollment.startDate'), render: (r) => `${formatDate(r.stay.startDate)} · ${t('facility.days', { days: daysBetween(r.stay.startDate, today) })}` },
            { key: 'planned', title: t('enrollment.plannedEndDate'), render: (r) => formatDate(r.stay.plannedEndDate) },
            {
              key: 'end',
              title: t('common.actions'),
              render: (r) => (
                <Button onClick={() => setEnding(r)} aria-label={`${t('facility.endStay')}: ${r.person.fullName}`}>
                  {t('facility.endStay')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Suspense fallback={null}>
        {ending && (
          <EndEnrollmentDialog
            open
            onClose={() => setEnding(null)}
            enrollment={{ id: ending.stay.id, personId: ending.person.id }}
            title={`${t('facility.endTitle')}: ${ending.person.fullName}`}
          />
        )}
        {admitting && <EnrollDialog open onClose={() => setAdmitting(false)} type="facility" facilityId={facilityId} title={t('facility.admitTitle')} />}
      </Suspense>
    </section>
  );
}
