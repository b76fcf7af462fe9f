import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../components/Busy';
import { DataTable } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { errorText } from '../../components/errors';
import { NativeSelect } from '../../components/NativeSelect';
import { Pager } from '../../components/Pager';
import adminVi from '../../i18n/admin.vi';
import { listAudit, listUsers, type AuditQuery, type AuditRow } from './api';
import { Filter } from './pickers';

const ACTIONS = Object.keys(adminVi.auditActions);
const ENTITIES = Object.keys(adminVi.entities);

interface Filters {
  userId?: string;
  action: string;
  entity: string;
  entityId: string;
  from: Dayjs | null;
  to: Dayjs | null;
}
const NONE: Filters = { action: '', entity: '', entityId: '', from: null, to: null };

/** The filters as the service reads them: whole days in the browser's zone, from the start of the first to the end of the last. */
function toQuery(f: Filters): AuditQuery {
  return {
    userId: f.userId,
    action: f.action || undefined,
    entity: f.entity || undefined,
    entityId: f.entityId.trim() || undefined,
    from: f.from ? f.from.startOf('day').toISOString() : undefined,
    to: f.to ? f.to.endOf('day').toISOString() : undefined,
  };
}

/** Who did what to which record, when and from where: filtered, newest first, a page at a time. */
export default function AuditLog() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filters>(NONE);
  const [applied, setApplied] = useState<Filters>(NONE);
  const [page, setPage] = useState(1);
  const { data: users } = useQuery({ queryKey: ['admin-users', 'all'], queryFn: () => listUsers({ pageSize: 100 }) });
  const { data, isLoading, isFetching, error } = useQuery({
    queryKey: ['audit', applied, page],
    queryFn: () => listAudit({ ...toQuery(applied), page, pageSize: 20 }),
  });
  const userName = (row: AuditRow) => {
    if (!row.actorId) return row.actorRole ? t('admin.audit.system') : t('admin.audit.anonymous');
    const u = users?.items.find((x) => x.id === row.actorId);
    return u ? (u.fullName ?? u.username) : row.actorId.slice(0, 8);
  };
  const set = (patch: Partial<Filters>) => setDraft({ ...draft, ...patch });
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <div>
      <h2>{t('admin.tabs.audit')}</h2>
      <form
        className="filters"
        role="search"
        aria-label={t('admin.tabs.audit')}
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(draft);
          setPage(1);
        }}
      >
        <Filter id="audit-who" label={t('admin.audit.who')}>
          <Select
            id="audit-who"
            value={draft.userId}
            onChange={(v: string | undefined) => set({ userId: v })}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 200 }}
            options={(users?.items ?? []).map((u) => ({ value: u.id, label: u.fullName ? `${u.fullName} (${u.username})` : u.username }))}
          />
        </Filter>
        <Filter id="audit-action" label={t('admin.audit.action')}>
          <NativeSelect
            id="audit-action"
            value={draft.action}
            onChange={(e) => set({ action: e.target.value })}
            options={[{ value: '', label: t('common.all') }, ...ACTIONS.map((a) => ({ value: a, label: t(`admin.auditActions.${a}`) }))]}
          />
        </Filter>
        <Filter id="audit-entity" label={t('admin.audit.entity')}>
          <NativeSelect
            id="audit-entity"
            value={draft.entity}
            onChange={(e) => set({ entity: e.target.value })}
            options={[{ value: '', label: t('common.all') }, ...ENTITIES.map((a) => ({ value: a, label: t(`admin.entities.${a}`) }))]}
          />
        </Filter>
        <Filter id="audit-record" label={t('admin.audit.entityId')}>
          <Input id="audit-record" value={draft.entityId} onChange={(e) => set({ entityId: e.target.value })} autoComplete="off" maxLength={64} />
        </Filter>
        <Filter id="audit-from" label={t('admin.audit.from')}>
          <DateField id="audit-from" value={draft.from} onChange={(d) => set({ from: d })} />
        </Filter>
        <Filter id="audit-to" label={t('admin.audit.to')}>
          <DateField id="audit-to" value={draft.to} onChange={(d) => set({ to: d })} />
        </Filter>
        <div className="row-actions">
          <Button type="primary" htmlType="submit">
            {t('admin.audit.filter')}
          </Button>
          <Button
            onClick={() => {
              setDraft(NONE);
              setApplied(NONE);
              setPage(1);
            }}
          >
            {t('admin.audit.clear')}
          </Button>
        </div>
      </form>
      {error && <Alert type="error" showIcon title={errorText(t, error)} />}
      {isLoading ? (
        <Busy />
      ) : (
        <DataTable<AuditRow>
          label={t('admin.tabs.audit')}
          rows={data?.items ?? []}
          rowKey={(r) => String(r.id)}
          empty={t('admin.audit.empty')}
          busy={isFetching}
          columns={[
            { key: 'at', title: t('admin.audit.at'), render: (r) => time.format(new Date(r.at)) },
            { key: 'who', title: t('admin.audit.who'), render: (r) => userName(r) },
            { key: 'action', title: t('admin.audit.action'), render: (r) => t(`admin.auditActions.${r.action}`, { defaultValue: r.action }) },
            {
              key: 'record',
              title: t('admin.audit.entity'),
              render: (r) => (
                <>
                  {t(`admin.entities.${r.entity}`, { defaultValue: r.entity })}
                  {r.entityId && <div className="muted">{r.entityId}</div>}
                </>
              ),
            },
            { key: 'fields', title: t('admin.audit.fields'), render: (r) => r.fields.join(', ') || t('common.none'), wideOnly: true },
            { key: 'ip', title: t('admin.audit.ip'), render: (r) => r.ip ?? t('common.none'), wideOnly: true },
          ]}
        />
      )}
      {data && data.total > data.pageSize && <Pager page={page} pageSize={data.pageSize} total={data.total} onPage={setPage} />}
    </div>
  );
}
