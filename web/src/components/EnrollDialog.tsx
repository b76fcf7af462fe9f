import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import { toast } from './toast';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enroll, listPersons } from '../api/endpoints';
import type { EnrollmentMode, EnrollmentType, PersonListItem } from '../api/types';
import { formatDate, todayIso, toIsoDate } from '../format';
import { DateField } from './DateField';
import { errorText } from './errors';

interface Values {
  startDate: Dayjs;
  plannedEndDate?: Dayjs | null;
  mode?: EnrollmentMode;
}

/**
 * Clinic and facility staff find a new patient's file by an exact key (national ID, or case code
 * with date of birth: the audited lookup), then enroll them at their own facility: a methadone
 * patient, a rehabilitation stay (voluntary or compulsory, the only type that asks), or treatment
 * in detention.
 */
export function EnrollDialog({ open, onClose, type, facilityId, title }: {
  open: boolean;
  onClose: () => void;
  type: Extract<EnrollmentType, 'methadone' | 'facility' | 'detention'>;
  facilityId: string | null;
  title: string;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [nationalId, setNationalId] = useState('');
  const [caseCode, setCaseCode] = useState('');
  const [dob, setDob] = useState<Dayjs | null>(null);
  const [found, setFound] = useState<PersonListItem | null>(null);
  const [error, setError] = useState<string | null>(null);

  const lookup = useMutation({
    mutationFn: async () => {
      const query = nationalId.trim()
        ? { nationalId: nationalId.trim(), open: true }
        : { caseCode: caseCode.trim(), dateOfBirth: toIsoDate(dob), open: true };
      return (await listPersons(query)).items[0] ?? null;
    },
    onSuccess: (p) => {
      setFound(p);
      setError(p ? null : t('clinic.lookupNotFound'));
    },
    onError: (err) => setError(errorText(t, err)),
  });
  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (!found) throw new Error('no person');
      return enroll(found.id, {
        type,
        facilityId: facilityId ?? undefined,
        mode: type === 'facility' ? v.mode : undefined,
        startDate: toIsoDate(v.startDate)!,
        plannedEndDate: toIsoDate(v.plannedEndDate) ?? undefined,
      });
    },
    onSuccess: async () => {
      toast.success(t('enrollment.enrolled'));
      await qc.invalidateQueries({ queryKey: ['roster'] });
      await qc.invalidateQueries({ queryKey: ['residents'] });
      setFound(null);
      setNationalId('');
      setCaseCode('');
      form.resetFields();
      onClose();
    },
    onError: (err) => setError(found ? errorText(t, err) : t('clinic.noPerson')),
  });

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      okText={t('enrollment.enroll')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: !found }}
      confirmLoading={save.isPending}
      forceRender
    >
      <p>{t('clinic.lookupHelp')}</p>
      <form
        className="lookup"
        onSubmit={(e) => {
          e.preventDefault();
          lookup.mutate();
        }}
      >
        <label htmlFor="lookup-nid">{t('clinic.nationalId')}</label>
        <Input id="lookup-nid" value={nationalId} onChange={(e) => setNationalId(e.target.value)} inputMode="numeric" maxLength={12} autoComplete="off" />
        <Space wrap className="lookup-alt">
          <span>
            <label htmlFor="lookup-code">{t('clinic.caseCode')}</label>
            <Input id="lookup-code" value={caseCode} onChange={(e) => setCaseCode(e.target.value)} autoComplete="off" />
          </span>
          <span>
            <label htmlFor="lookup-dob">{t('clinic.dateOfBirth')}</label>
            <DateField id="lookup-dob" value={dob} onChange={setDob} />
          </span>
        </Space>
        <Button htmlType="submit" loading={lookup.isPending}>
          {t('clinic.lookup')}
        </Button>
      </form>
      {found && (
        <Alert type="success" showIcon title={t('clinic.found', { name: found.fullName, code: found.caseCode })} description={formatDate(found.dateOfBirth)} />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} className="form-alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ startDate: dayjs(todayIso()), mode: 'voluntary' }} onFinish={(v) => save.mutate(v)}>
        {type === 'facility' && (
          <Form.Item name="mode" label={t('enrollment.mode')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={(['voluntary', 'compulsory'] as const).map((m) => ({ value: m, label: t(`modes.${m}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="startDate" label={t('enrollment.startDate')} rules={[{ required: true, message: t('common.required') }]}>
          <DateField />
        </Form.Item>
        <Form.Item name="plannedEndDate" label={t('enrollment.plannedEndDate')}>
          <DateField />
        </Form.Item>
      </Form>
    </Modal>
  );
}
