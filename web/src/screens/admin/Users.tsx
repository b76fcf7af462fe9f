import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../api/types';
import { useSession } from '../../auth/useSession';
import { Busy } from '../../components/Busy';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../components/errors';
import { NativeSelect } from '../../components/NativeSelect';
import { Pager } from '../../components/Pager';
import { toast } from '../../components/toast';
import { createUser, FACILITY_OF_ROLE, listFacilities, listUsers, temporaryPassword, updateUser } from './api';
import { FormModal } from './FormModal';
import { Filter, UnitName, UnitPicker } from './pickers';

const ROLES: Role[] = ['admin', 'province_officer', 'commune_worker', 'clinic_staff', 'facility_staff'];

interface UserValues {
  username: string;
  fullName?: string;
  password: string;
  role: Role;
  adminUnitId?: string;
  facilityId?: string;
}

const nameOf = (u: User) => u.fullName ?? u.username;

/** The facilities a role may work at: a clinic for clinic staff, a rehab or detention facility for facility staff. */
function FacilityField({ role }: { role: Role }) {
  const { t } = useTranslation();
  const types = FACILITY_OF_ROLE[role];
  const { data } = useQuery({
    queryKey: ['admin-facilities', 'for', role],
    queryFn: async () => (await Promise.all((types ?? []).map((type) => listFacilities({ type, pageSize: 100 })))).flatMap((p) => p.items),
    enabled: !!types,
  });
  if (!types) return null;
  const options = (data ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.code})` }));
  return (
    <>
      {data && !options.length && <Alert type="warning" showIcon title={t('admin.users.noFacilities')} className="form-alert" />}
      <Form.Item name="facilityId" label={t('admin.users.facility')} rules={[{ required: true, message: t('common.required') }]}>
        <NativeSelect options={[{ value: '', label: '—' }, ...options]} />
      </Form.Item>
    </>
  );
}

/** Creates a user or changes one's name, role, unit and facility. */
function UserDialog({ user, onClose, onCreated }: { user: User | null; onClose: () => void; onCreated: (u: User, password: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserValues>();
  const role = Form.useWatch('role', form) ?? user?.role ?? 'commune_worker';
  const save = useMutation({
    mutationFn: (v: UserValues) => {
      const placement = {
        role: v.role,
        adminUnitId: v.role === 'admin' && !v.adminUnitId ? undefined : v.adminUnitId,
        facilityId: FACILITY_OF_ROLE[v.role] ? v.facilityId || undefined : undefined,
      };
      const fullName = v.fullName?.trim() || undefined;
      return user
        ? updateUser(user.id, { ...placement, fullName, facilityId: placement.facilityId ?? null })
        : createUser({ ...placement, fullName, username: v.username.trim(), password: v.password });
    },
    onSuccess: (saved, v) => {
      void queryClient.invalidateQueries({ queryKey: ['admin-users'] });
      if (user) {
        toast.success(t('common.saved'));
        onClose();
      } else onCreated(saved, v.password);
    },
  });
  const initial: Partial<UserValues> = user
    ? { fullName: user.fullName ?? undefined, role: user.role, adminUnitId: user.adminUnitId ?? undefined, facilityId: user.facilityId ?? '' }
    : { role: 'commune_worker', password: temporaryPassword(), facilityId: '' };
  return (
    <FormModal<UserValues>
      title={user ? t('admin.users.editOf', { name: nameOf(user) }) : t('admin.users.add')}
      name="user"
      form={form}
      initialValues={initial}
      onClose={onClose}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.error}
    >
      {!user && (
        <Form.Item name="username" label={t('admin.users.username')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
      )}
      <Form.Item name="fullName" label={t('admin.users.fullName')}>
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      {!user && (
        <Form.Item name="password" label={t('admin.users.password')} extra={t('admin.users.passwordRule')} rules={[{ required: true, min: 10, message: t('admin.users.passwordRule') }]}>
          <Input autoComplete="new-password" maxLength={128} />
        </Form.Item>
      )}
      <Form.Item name="role" label={t('admin.users.role')}>
        <NativeSelect options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="adminUnitId" label={t('admin.users.unit')} rules={[{ required: role !== 'admin', message: t('common.required') }]}>
        <UnitPicker allowClear={role === 'admin'} />
      </Form.Item>
      <FacilityField role={role} />
    </FormModal>
  );
}

/** Sets a new password: a generated temporary one (or one the admin types), shown once after saving. */
function ResetDialog({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: (password: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const save = useMutation({ mutationFn: (v: { password: string }) => updateUser(user.id, { password: v.password }), onSuccess: (_u, v) => onDone(v.password) });
  return (
    <FormModal<{ password: string }>
      title={t('admin.users.resetOf', { name: nameOf(user) })}
      name="reset"
      form={form}
      initialValues={{ password: temporaryPassword() }}
      onClose={onClose}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.error}
      okText={t('admin.users.resetPassword')}
    >
      <p>{t('admin.users.resetIntro')}</p>
      <Form.Item name="password" label={t('admin.users.newPassword')} extra={t('admin.users.passwordRule')} rules={[{ required: true, min: 10, message: t('admin.users.passwordRule') }]}>
        <Input autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Button onClick={() => form.setFieldValue('password', temporaryPassword())}>{t('admin.users.generate')}</Button>
    </FormModal>
  );
}

/** The one time a temporary password is shown. */
function SecretDialog({ user, password, onClose }: { user: User; password: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open title={t('admin.users.temporary', { name: nameOf(user) })} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('common.close')}</Button>}>
      <p>
        <span className="secret" data-testid="temporary-password">
          {password}
        </span>
      </p>
      <Alert type="warning" showIcon title={t('admin.users.shownOnce')} />
    </Modal>
  );
}

/** Locks (after a confirmation) or unlocks an account. */
function ActiveToggle({ user, self }: { user: User; self: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const toggle = useMutation({
    mutationFn: () => updateUser(user.id, { active: !user.active }),
    onSuccess: (u) => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: ['admin-users'] });
      toast.success(t(u.active ? 'admin.users.reactivated' : 'admin.users.deactivated', { name: nameOf(u) }));
    },
    onError: (err) => toast.error(errorText(t, err)),
  });
  if (!user.active) {
    return (
      <Button size="small" loading={toggle.isPending} onClick={() => toggle.mutate()} aria-label={`${t('admin.users.reactivate')} ${user.username}`}>
        {t('admin.users.reactivate')}
      </Button>
    );
  }
  if (self) return null;
  return (
    <>
      <Button size="small" danger onClick={() => setConfirming(true)} aria-label={`${t('admin.users.deactivate')} ${user.username}`}>
        {t('admin.users.deactivate')}
      </Button>
      <Modal
        open={confirming}
        title={t('admin.users.deactivate')}
        okText={t('admin.users.deactivate')}
        okButtonProps={{ danger: true, loading: toggle.isPending }}
        cancelText={t('common.cancel')}
        onOk={() => toggle.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('admin.users.confirmDeactivate', { name: nameOf(user) })}</p>
      </Modal>
    </>
  );
}

type Dialog = { kind: 'edit'; user: User | null } | { kind: 'reset'; user: User } | { kind: 'secret'; user: User; password: string };

/** Users: listed by role, unit and status; created with a role, unit and facility; changed, locked, unlocked; passwords reset. */
export default function Users() {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const [role, setRole] = useState<Role | ''>('');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [active, setActive] = useState<'' | 'true' | 'false'>('');
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { data, isLoading, error } = useQuery({
    queryKey: ['admin-users', role, unitId, active, page],
    queryFn: () => listUsers({ role: role || undefined, unitId, active: active === '' ? undefined : active === 'true', page, pageSize: 20 }),
  });
  const { data: facilities } = useQuery({ queryKey: ['admin-facilities', 'all'], queryFn: () => listFacilities({ pageSize: 100 }) });
  const facilityName = (id: string | null) => (id ? (facilities?.items.find((f) => f.id === id)?.name ?? '') : '');
  const filtered = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  return (
    <div>
      <div className="page-head">
        <h2>{t('admin.tabs.users')}</h2>
        <Button type="primary" onClick={() => setDialog({ kind: 'edit', user: null })}>
          {t('admin.users.add')}
        </Button>
      </div>
      <div className="filters">
        <Filter id="users-role" label={t('admin.users.filterRole')}>
          <NativeSelect
            id="users-role"
            value={role}
            onChange={(e) => filtered(setRole)(e.target.value as Role | '')}
            options={[{ value: '', label: t('common.all') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
          />
        </Filter>
        <Filter id="users-unit" label={t('admin.users.filterUnit')}>
          <UnitPicker id="users-unit" value={unitId} onChange={filtered(setUnitId)} allowClear />
        </Filter>
        <Filter id="users-active" label={t('admin.users.filterActive')}>
          <NativeSelect
            id="users-active"
            value={active}
            onChange={(e) => filtered(setActive)(e.target.value as '' | 'true' | 'false')}
            options={[
              { value: '', label: t('common.all') },
              { value: 'true', label: t('admin.users.active') },
              { value: 'false', label: t('admin.users.inactive') },
            ]}
          />
        </Filter>
      </div>
      {error && <Alert type="error" showIcon title={errorText(t, error)} />}
      {isLoading ? (
        <Busy />
      ) : (
        <DataTable<User>
          label={t('admin.tabs.users')}
          rows={data?.items ?? []}
          rowKey={(u) => u.id}
          empty={t('admin.users.empty')}
          columns={[
            {
              key: 'name',
              title: t('admin.users.fullName'),
              render: (u) => (
                <>
                  <strong>{u.fullName ?? u.username}</strong>
                  <div className="muted">{u.username}</div>
                </>
              ),
            },
            { key: 'role', title: t('admin.users.role'), render: (u) => t(`roles.${u.role}`) },
            { key: 'unit', title: t('admin.users.unit'), render: (u) => <UnitName id={u.adminUnitId} /> },
            { key: 'facility', title: t('admin.users.facility'), render: (u) => facilityName(u.facilityId) || t('common.none'), wideOnly: true },
            { key: 'status', title: t('admin.users.status'), render: (u) => (u.active ? t('admin.users.active') : t('admin.users.inactive')) },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (u) => (
                <div className="row-actions">
                  <Button size="small" onClick={() => setDialog({ kind: 'edit', user: u })} aria-label={`${t('admin.users.edit')} ${u.username}`}>
                    {t('admin.users.edit')}
                  </Button>
                  <Button size="small" onClick={() => setDialog({ kind: 'reset', user: u })} aria-label={`${t('admin.users.resetPassword')} ${u.username}`}>
                    {t('admin.users.resetPassword')}
                  </Button>
                  <ActiveToggle user={u} self={u.id === me?.id} />
                </div>
              ),
            },
          ]}
        />
      )}
      {data && data.total > data.pageSize && <Pager page={page} pageSize={data.pageSize} total={data.total} onPage={setPage} />}
      {dialog?.kind === 'edit' && (
        <UserDialog user={dialog.user} onClose={() => setDialog(null)} onCreated={(u, password) => setDialog({ kind: 'secret', user: u, password })} />
      )}
      {dialog?.kind === 'reset' && (
        <ResetDialog user={dialog.user} onClose={() => setDialog(null)} onDone={(password) => setDialog({ kind: 'secret', user: dialog.user, password })} />
      )}
      {dialog?.kind === 'secret' && <SecretDialog user={dialog.user} password={dialog.password} onClose={() => setDialog(null)} />}
    </div>
  );
}
