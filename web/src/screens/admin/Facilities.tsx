import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Facility } from '../../api/types';
import { Busy } from '../../components/Busy';
import { DataTable } from '../../components/DataTable';
import { errorText } from '../../components/errors';
import { NativeSelect } from '../../components/NativeSelect';
import { Pager } from '../../components/Pager';
import { toast } from '../../components/toast';
import { createFacility, FACILITY_TYPES, listFacilities, updateFacility, type FacilityType } from './api';
import { FormModal } from './FormModal';
import { Filter, UnitName, UnitPicker } from './pickers';

interface FacilityValues {
  code: string;
  name: string;
  type: FacilityType;
  adminUnitId: string;
}

function FacilityDialog({ facility, onClose }: { facility: Facility | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FacilityValues>();
  const save = useMutation({
    mutationFn: (v: FacilityValues) =>
      facility ? updateFacility(facility.id, { name: v.name, type: v.type, adminUnitId: v.adminUnitId }) : createFacility({ ...v, code: v.code.trim() }),
    onSuccess: (f) => {
      void queryClient.invalidateQueries({ queryKey: ['admin-facilities'] });
      void queryClient.invalidateQueries({ queryKey: ['facilities'] });
      toast.success(facility ? t('common.saved') : t('admin.facilities.added', { name: f.name }));
      onClose();
    },
  });
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <FormModal<FacilityValues>
      title={facility ? t('admin.facilities.editOf', { name: facility.name }) : t('admin.facilities.add')}
      name="facility"
      form={form}
      initialValues={facility ?? { type: 'methadone_clinic' }}
      onClose={onClose}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.error}
    >
      {!facility && (
        <Form.Item name="code" label={t('admin.facilities.code')} rules={required}>
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('admin.facilities.name')} rules={required}>
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <Form.Item name="type" label={t('admin.facilities.type')}>
        <NativeSelect options={FACILITY_TYPES.map((f) => ({ value: f, label: t(`admin.facilityTypes.${f}`) }))} />
      </Form.Item>
      <Form.Item name="adminUnitId" label={t('admin.facilities.unit')} rules={[{ required: true, message: t('common.required') }]}>
        <UnitPicker />
      </Form.Item>
    </FormModal>
  );
}

/** Methadone clinics, rehabilitation facilities, health stations and detention facilities: listed, added and edited. */
export default function Facilities() {
  const { t } = useTranslation();
  const [type, setType] = useState<FacilityType | ''>('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Facility | 'new' | null>(null);
  const { data, isLoading, error } = useQuery({
    queryKey: ['admin-facilities', type, page],
    queryFn: () => listFacilities({ type: type || undefined, page, pageSize: 20 }),
  });
  return (
    <div>
      <div className="page-head">
        <h2>{t('admin.tabs.facilities')}</h2>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('admin.facilities.add')}
        </Button>
      </div>
      <div className="filters">
        <Filter id="facility-type-filter" label={t('admin.facilities.type')}>
          <NativeSelect
            id="facility-type-filter"
            value={type}
            onChange={(e) => {
              setType(e.target.value as FacilityType | '');
              setPage(1);
            }}
            options={[{ value: '', label: t('common.all') }, ...FACILITY_TYPES.map((f) => ({ value: f, label: t(`admin.facilityTypes.${f}`) }))]}
          />
        </Filter>
      </div>
      {error && <Alert type="error" showIcon title={errorText(t, error)} />}
      {isLoading ? (
        <Busy />
      ) : (
        <DataTable<Facility>
          label={t('admin.tabs.facilities')}
          rows={data?.items ?? []}
          rowKey={(f) => f.id}
          empty={t('admin.facilities.empty')}
          columns={[
            { key: 'name', title: t('admin.facilities.name'), render: (f) => <strong>{f.name}</strong> },
            { key: 'code', title: t('admin.facilities.code'), render: (f) => f.code },
            { key: 'type', title: t('admin.facilities.type'), render: (f) => t(`admin.facilityTypes.${f.type}`) },
            { key: 'unit', title: t('admin.facilities.unit'), render: (f) => <UnitName id={f.adminUnitId} /> },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (f) => (
                <Button size="small" aria-label={t('admin.facilities.editOf', { name: f.name })} onClick={() => setEditing(f)}>
                  {t('admin.facilities.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {data && data.total > data.pageSize && <Pager page={page} pageSize={data.pageSize} total={data.total} onPage={setPage} />}
      {editing && <FacilityDialog facility={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
