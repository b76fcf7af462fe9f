import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ackReminder, listTasks } from '../api/endpoints';
import type { Task } from '../api/types';
import { useSession } from '../auth/useSession';
import { Busy } from '../components/Busy';
import { errorText } from '../components/errors';
import { LinkButton } from '../components/LinkButton';
import { StatusTag, type Tone } from '../components/StatusTag';
import { toast } from '../components/toast';
import { formatDate, formatNumber } from '../format';

const FOLLOW_UP: Task['kind'][] = ['follow_up_due', 'follow_up_overdue'];
const URGENCIES = ['overdue', 'today', 'upcoming'] as const;
const TONE: Record<Task['urgency'], Tone> = { overdue: 'danger', today: 'warning', upcoming: 'info' };
const TITLE: Record<Task['urgency'], string> = { overdue: 'today.overdue', today: 'today.dueSoon', upcoming: 'today.other' };

/** The commune worker's morning: what is overdue, what is due today, each one tap from the work it asks for. */
export default function Today() {
  const { t } = useTranslation();
  const { user } = useSession();
  const qc = useQueryClient();
  const { data, isLoading, error } = useQuery({ queryKey: ['tasks'], queryFn: () => listTasks({ pageSize: 100 }) });
  const ack = useMutation({
    mutationFn: (reminderId: string) => ackReminder(reminderId),
    onSuccess: async () => {
      toast.success(t('today.acknowledged'));
      await qc.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (err) => toast.error(errorText(t, err)),
  });
  const items = data?.items ?? [];
  const by = (u: Task['urgency']) => items.filter((task) => task.urgency === u);

  const group = (urgency: Task['urgency']) => {
    const list = by(urgency);
    if (!list.length) return null;
    const title = t(TITLE[urgency]);
    return (
      <section aria-label={title} className="task-group" key={urgency}>
        <h2>
          {title} <span className="count">({formatNumber(list.length)})</span>
        </h2>
        <ul className="task-list">
          {list.map((task) => (
            <li key={`${task.kind}-${task.subjectId}-${task.dueDate}`} className="task">
              <div className="task-head">
                <StatusTag tone={TONE[urgency]}>{t(`reminderKinds.${task.kind}`)}</StatusTag>
                <span>{t('today.due', { date: formatDate(task.dueDate) })}</span>
              </div>
              <div className="task-who">
                <Link href={`/people/${task.personId}`}>{task.fullName}</Link>
                <span className="muted"> · {task.caseCode}</span>
              </div>
              <div className="task-actions">
                {FOLLOW_UP.includes(task.kind) && (
                  <LinkButton href={`/people/${task.personId}?action=visit`} type="primary">
                    {t('today.recordVisit')}
                  </LinkButton>
                )}
                <LinkButton href={`/people/${task.personId}?action=service`}>{t('today.recordService')}</LinkButton>
                <LinkButton href={`/people/${task.personId}`}>{t('today.openFile')}</LinkButton>
                {task.reminderId && (
                  <Button onClick={() => ack.mutate(task.reminderId!)} aria-label={`${t('today.acknowledge')}: ${task.fullName}`}>
                    {t('today.acknowledge')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
    );
  };

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
            {URGENCIES.map((u) => (
              <div role="listitem" className={`count-card ${u}`} key={u}>
                <div className="count-value">{formatNumber(by(u).length)}</div>
                <div className="count-label">{t(TITLE[u])}</div>
              </div>
            ))}
          </div>
          {items.length === 0 && <p className="empty">{t('today.empty')}</p>}
          {URGENCIES.map(group)}
        </>
      )}
    </section>
  );
}
