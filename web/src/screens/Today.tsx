import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { Busy } from '../components/Busy';
import { LinkButton } from '../components/LinkButton';
import { StatusTag, type Tone } from '../components/StatusTag';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listPersons, listReminders } from '../api/endpoints';
import type { Reminder, ReminderKind } from '../api/types';
import { useSession } from '../auth/useSession';
import { errorText } from '../components/errors';
import { formatDate, formatNumber } from '../format';

const OVERDUE: ReminderKind[] = ['follow_up_overdue', 'missed_doses'];
const DUE: ReminderKind[] = ['follow_up_due'];
const FOLLOW_UP: ReminderKind[] = ['follow_up_due', 'follow_up_overdue'];

/** The commune worker's morning: what is overdue, what is due, each one tap from the work it asks for. */
export default function Today() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { data, isLoading, error } = useQuery({
    queryKey: ['reminders', { status: 'open' }],
    queryFn: () => listReminders({ status: 'open', pageSize: 100 }),
  });
  // Reminders name the file by its case code; the worker knows people by name.
  const people = useQuery({ queryKey: ['persons', 'names'], queryFn: () => listPersons({ open: true, pageSize: 100 }), staleTime: 60_000 });
  const names = new Map((people.data?.items ?? []).map((p) => [p.id, p.fullName]));
  const items = [...(data?.items ?? [])].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const overdue = items.filter((r) => OVERDUE.includes(r.kind));
  const due = items.filter((r) => DUE.includes(r.kind));
  const other = items.filter((r) => !OVERDUE.includes(r.kind) && !DUE.includes(r.kind));

  const group = (title: string, list: Reminder[], tone: Tone) =>
    list.length > 0 && (
      <section aria-label={title} className="task-group">
        <h2>
          {title} <span className="count">({formatNumber(list.length)})</span>
        </h2>
        <ul className="task-list">
          {list.map((r) => (
            <li key={r.id} className="task">
              <div className="task-head">
                <StatusTag tone={tone}>{t(`reminderKinds.${r.kind}`)}</StatusTag>
                <span>{t('today.due', { date: formatDate(r.dueDate) })}</span>
              </div>
              <div className="task-who">
                <Link href={`/people/${r.personId}`}>{names.get(r.personId) ?? r.caseCode}</Link>
                <span className="muted"> · {r.caseCode}</span>
              </div>
              <div className="task-actions">
                <LinkButton href={`/people/${r.personId}`}>
                  {t('today.openFile')}
                </LinkButton>
                {FOLLOW_UP.includes(r.kind) && (
                  <LinkButton href={`/people/${r.personId}?action=visit`} type="primary">
                    {t('today.recordVisit')}
                  </LinkButton>
                )}
                <LinkButton href={`/people/${r.personId}?action=service`}>
                  {t('today.recordService')}
                </LinkButton>
              </div>
            </li>
          ))}
        </ul>
      </section>
    );

  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">{t('today.title')}</h1>
      <p className="subtitle">{t('today.greeting', { name: user?.fullName ?? user?.username })}</p>
      {error && <Alert type="error" showIcon title={errorText(t, error)} />}
      {isLoading ? (
        <Busy />
      ) : (
        <>
          <div className="counts" role="list" aria-label={t('today.taskList')}>
            <div role="listitem" className="count-card overdue">
              <div className="count-value">{formatNumber(overdue.length)}</div>
              <div className="count-label">{t('today.overdue')}</div>
            </div>
            <div role="listitem" className="count-card due">
              <div className="count-value">{formatNumber(due.length)}</div>
              <div className="count-label">{t('today.dueSoon')}</div>
            </div>
            <div role="listitem" className="count-card">
              <div className="count-value">{formatNumber(other.length)}</div>
              <div className="count-label">{t('today.other')}</div>
            </div>
          </div>
          {items.length === 0 && <p className="empty">{t('today.empty')}</p>}
          {group(t('today.overdue'), overdue, 'danger')}
          {group(t('today.dueSoon'), due, 'warning')}
          {group(t('today.other'), other, 'info')}
        </>
      )}
    </section>
  );
}
