import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Empty, Skeleton, Table, Timeline } from 'antd';
import { toast } from '../components/toast';
import { StatusTag } from '../components/StatusTag';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'wouter';
import {
  ackReminder,
  getPerson,
  listEnrollments,
  listReminders,
  listServices,
  listSupervisions,
  rows,
  timeline,
} from '../api/endpoints';
import type { Enrollment, Person, Reminder, ServiceContact, Supervision, TimelineEvent } from '../api/types';
import { useSession } from '../auth/useSession';
import { errorText } from '../components/errors';
import {
  CloseDialog,
  EndEnrollmentDialog,
  MoveDialog,
  ServiceDialog,
  StartSupervisionDialog,
  useRefreshPerson,
  VisitDialog,
} from '../components/PersonDialogs';
import { useFacilities, useUnits } from '../components/units';
import { ageOn, formatDate, todayIso } from '../format';

type Dialog = 'service' | 'visit' | 'move' | 'close' | 'supervision' | { end: Enrollment } | null;

function TimelineList({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const { facilityName } = useFacilities();
  if (!events.length) return <Empty description={t('timeline.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const text = (e: TimelineEvent) => {
    const d = e;
    const type = typeof d.type === 'string' ? d.type : '';
    switch (e.kind) {
      case 'enrollment_started':
      case 'enrollment_ended':
        return [t(`timeline.${e.kind}`, { type: t(`enrollmentTypesShort.${type}`) }), facilityName(d.facilityId as string)]
          .concat(typeof d.outcome === 'string' ? [t(`outcomes.${d.outcome}`)] : [])
          .filter(Boolean)
          .join(' · ');
      case 'service':
        return t('timeline.service', { type: t(`serviceTypes.${type}`) });
      case 'visit':
        return [
          t('timeline.visit', { method: t(`visitMethods.${String(d.method)}`) }),
          d.drugTest ? `${t('supervision.drugTest')}: ${t(`drugTests.${String(d.drugTest)}`)}` : '',
        ]
          .filter(Boolean)
          .join(' · ');
      default:
        return t(`timeline.${e.kind}`);
    }
  };
  return (
    <Timeline
      items={[...events].reverse().map((e) => ({
        key: e.id,
        content: (
          <>
            <strong>{formatDate(e.date)}</strong> — {text(e)}
          </>
        ),
      }))}
    />
  );
}

function SupervisionBlock({ s, onVisit, canWrite }: { s: Supervision; onVisit: () => void; canWrite: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="supervision">
      <p>
        <StatusTag tone={s.status === 'active' ? 'success' : 'neutral'}>{t(`supervision.${s.status}`)}</StatusTag>
        {t('supervision.period')}: {formatDate(s.startDate)} – {formatDate(s.endedOn ?? s.endDate)} · {t('supervision.interval', { days: s.intervalDays })}
        {canWrite && s.status === 'active' && (
          <Button className="no-print inline-action" onClick={onVisit}>
            {t('supervision.recordVisit')}
          </Button>
        )}
      </p>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.followUps}
        aria-label={t('supervision.followUps')}
        columns={[
          { title: t('supervision.dueDate'), dataIndex: 'dueDate', render: formatDate },
          {
            title: t('enrollment.status'),
            dataIndex: 'status',
            render: (st: string) => <StatusTag tone={st === 'done' ? 'success' : st === 'missed' ? 'danger' : 'neutral'}>{t(`followUpStatus.${st}`)}</StatusTag>,
          },
        ]}
      />
    </div>
  );
}

export default function PersonPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const [, navigate] = useLocation();
  const { nameOf } = useUnits();
  const { facilityName } = useFacilities();
  const [dialog, setDialog] = useState<Dialog>(null);
  const refresh = useRefreshPerson(id);
  const isStaff = user?.role === 'clinic_staff' || user?.role === 'facility_staff';
  const canWrite = user?.role === 'commune_worker' || user?.role === 'admin';

  const person = useQuery({ queryKey: ['person', id], queryFn: () => getPerson(id) });
  const events = useQuery({ queryKey: ['person', id, 'timeline'], queryFn: () => timeline(id) });
  const enrollments = useQuery({ queryKey: ['person', id, 'enrollments'], queryFn: () => listEnrollments(id) });
  const services = useQuery({ queryKey: ['person', id, 'services'], queryFn: () => listServices(id), enabled: user?.role !== 'province_officer' });
  const supervisions = useQuery({ queryKey: ['person', id, 'supervisions'], queryFn: () => listSupervisions(id), enabled: !isStaff && user?.role !== 'province_officer' });
  const reminders = useQuery({ queryKey: ['reminders', { personId: id }], queryFn: () => listReminders({ personId: id, status: 'open', pageSize: 50 }) });

  const activeSupervision = supervisions.data ? rows(supervisions.data).find((s) => s.status === 'active') : undefined;

  // A task on Today opens the person with the action it asks for.
  const action = params.get('action');
  useEffect(() => {
    if (!person.data || (action !== 'visit' && action !== 'service')) return;
    if (action === 'visit' && !supervisions.data) return;
    setDialog(action === 'visit' && !activeSupervision ? 'supervision' : action);
    setParams((p) => {
      p.delete('action');
      return p;
    }, { replace: true });
  }, [action, person.data, supervisions.data, activeSupervision, setParams]);

  if (person.isLoading) return <Skeleton active />;
  if (person.error || !person.data) {
    return <Alert type="error" showIcon title={person.error ? errorText(t, person.error) : t('person.notFound')} />;
  }
  const p: Person = person.data;
  const closed = Boolean(p.closedOn);
  const seesContacts = 'phone' in p || 'address' in p;
  const writable = canWrite && !closed;

  return (
    <article className="person-page" aria-labelledby="person-name">
      <div className="page-head">
        <div>
          <h1 id="person-name">{p.fullName}</h1>
          <p className="subtitle">
            {t('person.caseCode')}: <strong>{p.caseCode}</strong>{' '}
            <StatusTag tone={p.status === 'addicted' ? 'accent' : 'info'}>{t(`personStatusShort.${p.status}`)}</StatusTag>
            <StatusTag tone={closed ? 'neutral' : 'success'}>{closed ? t('person.closedState') : t('person.openState')}</StatusTag>
          </p>
        </div>
        <div className="actions no-print">
          {writable && (
            <>
              <Button type="primary" onClick={() => setDialog(activeSupervision ? 'visit' : 'supervision')}>
                {activeSupervision ? t('supervision.recordVisit') : t('supervision.start')}
              </Button>
              <Button onClick={() => setDialog('service')}>{t('services.record')}</Button>
              <Button onClick={() => navigate(`/people/${p.id}/edit`)}>{t('common.edit')}</Button>
              <Button onClick={() => setDialog('move')}>{t('person.move')}</Button>
              <Button danger onClick={() => setDialog('close')}>
                {t('person.close')}
              </Button>
            </>
          )}
          {isStaff && !closed && <Button onClick={() => setDialog('service')}>{t('services.record')}</Button>}
          <Button onClick={() => window.print()}>{t('person.print')}</Button>
        </div>
      </div>
      <p className="print-only">{t('person.printedOn', { date: formatDate(todayIso()) })}</p>

      <section aria-labelledby="summary-title" className="block">
        <h2 id="summary-title">{t('person.summary')}</h2>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label={t('person.dateOfBirth')}>
            {formatDate(p.dateOfBirth)} ({t('person.age', { age: ageOn(p.dateOfBirth, todayIso()) })})
          </Descriptions.Item>
          <Descriptions.Item label={t('person.sex')}>{t(`sex.${p.sex}`)}</Descriptions.Item>
          <Descriptions.Item label={t('person.status')}>{t(`personStatus.${p.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('person.residence')}>{nameOf(p.residenceUnitId) || t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('person.registeredOn')}>{formatDate(p.registeredOn)}</Descriptions.Item>
          <Descriptions.Item label={t('person.managementDecisionOn')}>{formatDate(p.managementDecisionOn)}</Descriptions.Item>
          <Descriptions.Item label={t('person.substances')}>{p.substances.join(', ') || t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('person.inDetention')}>{p.inDetention ? t('common.yes') : t('common.no')}</Descriptions.Item>
          {seesContacts && (
            <>
              <Descriptions.Item label={t('person.nationalId')}>{p.nationalId ?? t('common.none')}</Descriptions.Item>
              <Descriptions.Item label={t('person.phone')}>{p.phone ?? t('common.none')}</Descriptions.Item>
              <Descriptions.Item label={t('person.address')}>{p.address ?? t('common.none')}</Descriptions.Item>
            </>
          )}
          {closed && (
            <>
              <Descriptions.Item label={t('person.closedOn')}>{formatDate(p.closedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('person.closeReason')}>{p.closeReason ? t(`closeReasons.${p.closeReason}`) : ''}</Descriptions.Item>
            </>
          )}
        </Descriptions>
        {!seesContacts && <p className="hint">{t('person.contactsHidden')}</p>}
      </section>

      {reminders.data && reminders.data.items.length > 0 && (
        <section aria-labelledby="reminders-title" className="block">
          <h2 id="reminders-title">{t('person.reminders')}</h2>
          <ul className="plain-list">
            {reminders.data.items.map((r: Reminder) => (
              <li key={r.id}>
                <StatusTag tone={r.kind === 'follow_up_overdue' || r.kind === 'missed_doses' ? 'danger' : 'warning'}>{t(`reminderKinds.${r.kind}`)}</StatusTag>
                {t('today.due', { date: formatDate(r.dueDate) })}
                {user?.role !== 'province_officer' && (
                  <Button
                    size="small"
                    className="no-print inline-action"
                    onClick={async () => {
                      await ackReminder(r.id);
                      toast.success(t('today.acknowledged'));
                      await refresh();
                    }}
                  >
                    {t('today.acknowledge')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {supervisions.data && (
        <section aria-labelledby="supervision-title" className="block">
          <h2 id="supervision-title">{t('person.supervision')}</h2>
          {rows(supervisions.data).length === 0 ? (
            <p>{t('supervision.none')}</p>
          ) : (
            rows(supervisions.data).map((s) => <SupervisionBlock key={s.id} s={s} canWrite={writable} onVisit={() => setDialog('visit')} />)
          )}
        </section>
      )}

      <section aria-labelledby="enrollments-title" className="block">
        <h2 id="enrollments-title">{t('person.enrollments')}</h2>
        <Table<Enrollment>
          size="small"
          rowKey="id"
          pagination={false}
          loading={enrollments.isLoading}
          dataSource={enrollments.data ? rows(enrollments.data) : []}
          locale={{ emptyText: <span className="empty-text">{t('enrollment.empty')}</span> }}
          aria-label={t('person.enrollments')}
          scroll={{ x: true }}
          columns={[
            { title: t('enrollment.type'), dataIndex: 'type', render: (v: string, e) => `${t(`enrollmentTypesShort.${v}`)}${e.mode ? ` (${t(`modes.${e.mode}`)})` : ''}` },
            { title: t('enrollment.facility'), dataIndex: 'facilityId', render: (v: string | null) => facilityName(v) || t('common.none') },
            { title: t('enrollment.startDate'), dataIndex: 'startDate', render: formatDate },
            { title: t('enrollment.endDate'), dataIndex: 'endDate', render: (v: string | null, e) => formatDate(v ?? e.plannedEndDate) },
            {
              title: t('enrollment.status'),
              dataIndex: 'status',
              render: (v: string, e) => (
                <>
                  <StatusTag tone={v === 'active' ? 'success' : 'neutral'}>{t(`enrollment.${v}`)}</StatusTag>
                  {e.outcome && t(`outcomes.${e.outcome}`)}
                  {v === 'active' && canWrite && e.type === 'community' && (
                    <Button size="small" className="no-print inline-action" onClick={() => setDialog({ end: e })}>
                      {t('enrollment.end')}
                    </Button>
                  )}
                </>
              ),
            },
          ]}
        />
      </section>

      {services.data && (
        <section aria-labelledby="services-title" className="block">
          <h2 id="services-title">{t('person.services')}</h2>
          <Table<ServiceContact>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={services.data.items}
            locale={{ emptyText: <span className="empty-text">{t('services.empty')}</span> }}
            aria-label={t('person.services')}
            columns={[
              { title: t('services.date'), dataIndex: 'date', render: formatDate },
              { title: t('services.type'), dataIndex: 'type', render: (v: string) => t(`serviceTypes.${v}`) },
              { title: t('common.notes'), dataIndex: 'notes', render: (v: string | null) => v ?? '' },
            ]}
          />
        </section>
      )}

      <section aria-labelledby="timeline-title" className="block">
        <h2 id="timeline-title">{t('person.timeline')}</h2>
        {events.data ? <TimelineList events={events.data.items} /> : <Skeleton active />}
      </section>

      <ServiceDialog open={dialog === 'service'} onClose={() => setDialog(null)} person={p} />
      {activeSupervision && (
        <VisitDialog open={dialog === 'visit'} onClose={() => setDialog(null)} supervisionId={activeSupervision.id} personId={p.id} />
      )}
      <StartSupervisionDialog open={dialog === 'supervision'} onClose={() => setDialog(null)} personId={p.id} />
      <MoveDialog open={dialog === 'move'} onClose={() => setDialog(null)} person={p} onMoved={() => navigate('/people')} />
      <CloseDialog open={dialog === 'close'} onClose={() => setDialog(null)} person={p} />
      {dialog && typeof dialog === 'object' && (
        <EndEnrollmentDialog open onClose={() => setDialog(null)} enrollment={dialog.end} title={t('enrollment.endTitle')} />
      )}
      <p className="no-print">
        <Link href={user?.role === 'commune_worker' ? '/today' : '/people'}>{t('common.back')}</Link>
      </p>
    </article>
  );
}
