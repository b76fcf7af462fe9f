import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { toast } from './toast';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  closePerson,
  endEnrollment,
  listUnits,
  recordService,
  recordVisit,
  startSupervision,
  updatePerson,
} from '../api/endpoints';
import type { CloseReason, DrugTest, Enrollment, EnrollmentOutcome, Person, ServiceType, VisitMethod } from '../api/types';
import { todayIso, toIsoDate } from '../format';
import { DateField } from './DateField';
import { errorText } from './errors';

interface DialogProps {
  open: boolean;
  onClose: () => void;
}

/** The reasons a user gives; `merged_into` is set only by a merge of duplicates. */
type GivenCloseReason = Exclude<CloseReason, 'merged_into'>;
const CLOSE_REASONS: GivenCloseReason[] = ['moved_away', 'deceased', 'management_ended', 'detained', 'commune_education', 'reformatory', 'imprisoned', 'other'];
const SERVICE_TYPES: ServiceType[] = ['counseling', 'support', 'medical', 'vocational'];
const VISIT_METHODS: VisitMethod[] = ['home_visit', 'phone', 'office'];
const DRUG_TESTS: DrugTest[] = ['negative', 'positive', 'not_done'];
export const OUTCOMES: EnrollmentOutcome[] = ['completed', 'dropped_out', 'transferred', 'relapsed', 'deceased', 'other'];

const today = () => dayjs(todayIso());

/** After a write about a person, everything shown about them is read again. */
export function useRefreshPerson(personId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['person', personId] }),
      qc.invalidateQueries({ queryKey: ['persons'] }),
      qc.invalidateQueries({ queryKey: ['reminders'] }),
      qc.invalidateQueries({ queryKey: ['tasks'] }),
      qc.invalidateQueries({ queryKey: ['residents'] }),
      qc.invalidateQueries({ queryKey: ['roster'] }),
    ]);
}

/**
 * A dialog whose form keeps its values when saving fails (a lost connection, an expired login that
 * the user renews, a refusal): only a success closes it.
 */
function FormDialog<V extends object>(props: DialogProps & {
  /** Prefixes the fields' ids, which must be unique on the page. */
  name: string;
  title: string;
  okText?: string;
  initialValues?: Partial<V>;
  save: (values: V) => Promise<unknown>;
  done: string;
  children: React.ReactNode;
  intro?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: props.save,
    onSuccess: () => {
      toast.success(props.done);
      setError(null);
      form.resetFields();
      props.onClose();
    },
    onError: (err) => setError(errorText(t, err)),
  });
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={mutation.isPending}
      forceRender
    >
      {props.intro}
      {error && <Alert type="error" showIcon title={error} role="alert" className="form-alert" />}
      <Form<V> form={form} name={props.name} layout="vertical" initialValues={props.initialValues} onFinish={(v) => mutation.mutate(v)} requiredMark="optional">
        {props.children}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

export function ServiceDialog({ person, ...p }: DialogProps & { person: Person }) {
  const { t } = useTranslation();
  const refresh = useRefreshPerson(person.id);
  return (
    <FormDialog<{ type: ServiceType; date: Dayjs; notes?: string }>
      {...p}
      name="service"
      title={t('services.recordTitle')}
      done={t('services.recorded')}
      initialValues={{ date: today() }}
      save={async (v) => {
        await recordService(person.id, { type: v.type, date: toIsoDate(v.date)!, notes: v.notes || undefined });
        await refresh();
      }}
    >
      <Form.Item name="type" label={t('services.type')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`serviceTypes.${s}`) }))} />
      </Form.Item>
      <Form.Item name="date" label={t('services.date')} rules={[{ required: true, message: t('common.required') }]}>
        <DateField />
      </Form.Item>
      <Form.Item name="notes" label={t('common.notes')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}

export function VisitDialog({ supervisionId, personId, ...p }: DialogProps & { supervisionId: string; personId: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshPerson(personId);
  return (
    <FormDialog<{ visitDate: Dayjs; method: VisitMethod; drugTest: DrugTest; relapse?: boolean; notes?: string }>
      {...p}
      name="visit"
      title={t('supervision.visitTitle')}
      done={t('supervision.visitRecorded')}
      initialValues={{ visitDate: today(), method: 'home_visit', drugTest: 'not_done', relapse: false }}
      save={async (v) => {
        await recordVisit(supervisionId, {
          visitDate: toIsoDate(v.visitDate)!,
          method: v.method,
          drugTest: v.drugTest,
          relapse: Boolean(v.relapse),
          notes: v.notes || undefined,
        });
        await refresh();
      }}
    >
      <Form.Item name="visitDate" label={t('supervision.visitDate')} rules={[{ required: true, message: t('common.required') }]}>
        <DateField />
      </Form.Item>
      <Form.Item name="method" label={t('supervision.method')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={VISIT_METHODS.map((m) => ({ value: m, label: t(`visitMethods.${m}`) }))} />
      </Form.Item>
      <Form.Item name="drugTest" label={t('supervision.drugTest')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={DRUG_TESTS.map((d) => ({ value: d, label: t(`drugTests.${d}`) }))} />
      </Form.Item>
      <Form.Item name="relapse" valuePropName="checked">
        <Checkbox>{t('supervision.relapse')}</Checkbox>
      </Form.Item>
      <Form.Item name="notes" label={t('common.notes')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}

export function StartSupervisionDialog({ personId, ...p }: DialogProps & { personId: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshPerson(personId);
  return (
    <FormDialog<{ startDate: Dayjs; intervalDays: number }>
      {...p}
      name="supervision"
      title={t('supervision.startTitle')}
      done={t('supervision.started')}
      initialValues={{ startDate: today(), intervalDays: 30 }}
      save={async (v) => {
        await startSupervision(personId, { startDate: toIsoDate(v.startDate)!, intervalDays: v.intervalDays });
        await refresh();
      }}
    >
      <Form.Item name="startDate" label={t('enrollment.startDate')} rules={[{ required: true, message: t('common.required') }]}>
        <DateField />
      </Form.Item>
      <Form.Item name="intervalDays" label={t('supervision.intervalDays')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber min={1} max={366} style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}

export function MoveDialog({ person, onMoved, ...p }: DialogProps & { person: Person; onMoved: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshPerson(person.id);
  // A person may move to any commune of the country, not only within this worker's area.
  const [q, setQ] = useState('');
  const communes = useQuery({
    queryKey: ['units', 'communes', q],
    queryFn: () => listUnits({ level: 'commune', q: q || undefined, pageSize: 50 }),
    enabled: p.open,
    placeholderData: keepPreviousData,
  });
  return (
    <FormDialog<{ residenceUnitId: string }>
      {...p}
      name="move"
      title={t('person.moveTitle')}
      done={t('person.moved')}
      save={async (v) => {
        await updatePerson(person.id, { version: person.version, residenceUnitId: v.residenceUnitId });
        // The file now belongs to the receiving commune, which may be outside this worker's area.
        onMoved();
        await refresh();
      }}
    >
      <Form.Item name="residenceUnitId" label={t('person.newResidence')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          loading={communes.isFetching}
          options={(communes.data?.items ?? []).filter((c) => c.id !== person.residenceUnitId).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
    </FormDialog>
  );
}

export function CloseDialog({ person, ...p }: DialogProps & { person: Person }) {
  const { t } = useTranslation();
  const refresh = useRefreshPerson(person.id);
  return (
    <FormDialog<{ closedOn: Dayjs; closeReason: GivenCloseReason }>
      {...p}
      name="close"
      title={t('person.closeTitle')}
      done={t('person.closed')}
      okText={t('person.close')}
      initialValues={{ closedOn: today() }}
      save={async (v) => {
        await closePerson(person.id, { closedOn: toIsoDate(v.closedOn)!, closeReason: v.closeReason, version: person.version });
        await refresh();
      }}
    >
      <Form.Item name="closedOn" label={t('person.closedOn')} rules={[{ required: true, message: t('common.required') }]}>
        <DateField />
      </Form.Item>
      <Form.Item name="closeReason" label={t('person.closeReason')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={CLOSE_REASONS.map((r) => ({ value: r, label: t(`closeReasons.${r}`) }))} />
      </Form.Item>
    </FormDialog>
  );
}

export function EndEnrollmentDialog({ enrollment, title, ...p }: DialogProps & { enrollment: Pick<Enrollment, 'id' | 'personId'>; title: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshPerson(enrollment.personId);
  type Values = {
    endDate: Dayjs;
    outcome: EnrollmentOutcome;
    certificateNo?: string;
    certificateOn?: Dayjs;
    earlyCompletionDecisionNo?: string;
    earlyCompletionDecisionOn?: Dayjs;
  };
  return (
    <FormDialog<Values>
      {...p}
      name="end-enrollment"
      title={title}
      done={t('enrollment.ended_ok')}
      okText={t('enrollment.end')}
      initialValues={{ endDate: today() }}
      intro={<p>{t('enrollment.completedNote')}</p>}
      save={async (v) => {
        // The certificate and the early-completion decision belong to a completed treatment only.
        const completed = v.outcome === 'completed';
        await endEnrollment(enrollment.id, {
          endDate: toIsoDate(v.endDate)!,
          outcome: v.outcome,
          ...(completed && v.certificateNo && v.certificateOn ? { certificateNo: v.certificateNo.trim(), certificateOn: toIsoDate(v.certificateOn)! } : {}),
          ...(completed && v.earlyCompletionDecisionNo && v.earlyCompletionDecisionOn
            ? { earlyCompletionDecisionNo: v.earlyCompletionDecisionNo.trim(), earlyCompletionDecisionOn: toIsoDate(v.earlyCompletionDecisionOn)! }
            : {}),
        });
        await refresh();
      }}
    >
      <Form.Item name="endDate" label={t('enrollment.endDate')} rules={[{ required: true, message: t('common.required') }]}>
        <DateField />
      </Form.Item>
      <Form.Item name="outcome" label={t('enrollment.outcome')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.outcome !== b.outcome}>
        {({ getFieldValue }) =>
          getFieldValue('outcome') === 'completed' ? (
            <fieldset className="form-group">
              <legend>{t('enrollment.whenCompleted')}</legend>
              <Form.Item name="certificateNo" label={t('enrollment.certificateNo')}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="certificateOn" label={t('enrollment.certificateOn')}>
                <DateField />
              </Form.Item>
              <Form.Item name="earlyCompletionDecisionNo" label={t('enrollment.earlyDecisionNo')} extra={t('enrollment.earlyDecisionHelp')}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="earlyCompletionDecisionOn" label={t('enrollment.earlyDecisionOn')}>
                <DateField />
              </Form.Item>
            </fieldset>
          ) : null
        }
      </Form.Item>
    </FormDialog>
  );
}
