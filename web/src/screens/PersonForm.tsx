import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Radio, Select, Skeleton, Table } from 'antd';
import { toast } from '../components/toast';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import { ApiError } from '../api/client';
import { createPerson, getPerson, updatePerson, type PersonCreate, type PersonUpdate } from '../api/endpoints';
import type { Person, PersonCandidate, PersonStatus, Sex } from '../api/types';
import { DateField } from '../components/DateField';
import { errorText } from '../components/errors';
import { useUnits } from '../components/units';
import { formatDate, fromIsoDate, todayIso, toIsoDate } from '../format';

interface Values {
  fullName: string;
  dateOfBirth: Dayjs;
  sex: Sex;
  nationalId?: string;
  residenceUnitId: string;
  address?: string;
  phone?: string;
  status: PersonStatus;
  substances?: string[];
  registeredOn: Dayjs;
  managementDecisionOn?: Dayjs | null;
  inDetention?: boolean;
}

const FIELDS = [
  'fullName',
  'dateOfBirth',
  'sex',
  'nationalId',
  'residenceUnitId',
  'address',
  'phone',
  'status',
  'substances',
  'registeredOn',
  'managementDecisionOn',
  'inDetention',
] as const;
type Field = (typeof FIELDS)[number];

const toValues = (p: Person): Values => ({
  fullName: p.fullName,
  dateOfBirth: dayjs(p.dateOfBirth),
  sex: p.sex,
  nationalId: p.nationalId ?? undefined,
  residenceUnitId: p.residenceUnitId,
  address: p.address ?? undefined,
  phone: p.phone ?? undefined,
  status: p.status,
  substances: p.substances,
  registeredOn: dayjs(p.registeredOn),
  managementDecisionOn: fromIsoDate(p.managementDecisionOn) ?? null,
  inDetention: p.inDetention,
});

/** A field's value as the API carries it, to compare and to send. */
function wire(values: Values, f: Field): unknown {
  const v = values[f];
  if (dayjs.isDayjs(v)) return toIsoDate(v);
  if (v === undefined || v === '') return f === 'substances' ? [] : f === 'inDetention' ? false : null;
  return v;
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isStale = (err: unknown) =>
  err instanceof ApiError && err.status === 409 && (/version_conflict|stale/i.test(err.code ?? '') || err.message.startsWith('version'));

interface Conflict {
  field: Field;
  theirs: unknown;
  yours: unknown;
}

export default function PersonForm() {
  const params = useParams<{ id?: string }>();
  const editing = params.id;
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const { communes, nameOf } = useUnits();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  // Likely files of the same person, found by the service when registering: shown before any file is made.
  const [candidates, setCandidates] = useState<PersonCandidate[] | null>(null);
  // The file as last read from the service: its version goes with the update, and a conflict is
  // told against it.
  const [base, setBase] = useState<Person | null>(null);
  const loaded = useQuery({
    queryKey: ['person', editing, 'edit'],
    queryFn: async () => {
      const p = await getPerson(editing!);
      setBase(p);
      return p;
    },
    enabled: Boolean(editing),
    staleTime: Infinity,
    gcTime: 0,
  });
  const status = Form.useWatch('status', form);
  // A commune worker registers people of their own commune: it is filled in for them.
  useEffect(() => {
    if (!editing && communes.length === 1 && !form.getFieldValue('residenceUnitId')) form.setFieldValue('residenceUnitId', communes[0]!.id);
  }, [editing, communes, form]);

  const initial = useMemo<Partial<Values>>(
    () => (loaded.data ? toValues(loaded.data) : { sex: 'male', status: 'using', registeredOn: dayjs(todayIso()), inDetention: false, substances: [] }),
    [loaded.data],
  );

  const show = (f: Field, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('common.none');
    if (f === 'residenceUnitId') return nameOf(String(v));
    if (f === 'sex') return t(`sex.${String(v)}`);
    if (f === 'status') return t(`personStatusShort.${String(v)}`);
    if (f === 'inDetention') return v ? t('common.yes') : t('common.no');
    if (Array.isArray(v)) return v.join(', ');
    if (/On$|dateOfBirth/.test(f)) return formatDate(String(v));
    return String(v);
  };

  const save = useMutation({
    mutationFn: async ({ confirmDistinct, ...values }: Values & { confirmDistinct?: boolean }): Promise<Person> => {
      if (!editing) {
        const body: PersonCreate = {
          fullName: values.fullName,
          dateOfBirth: toIsoDate(values.dateOfBirth)!,
          sex: values.sex,
          residenceUnitId: values.residenceUnitId,
          status: values.status,
          registeredOn: toIsoDate(values.registeredOn)!,
          nationalId: values.nationalId || undefined,
          address: values.address || undefined,
          phone: values.phone || undefined,
          substances: values.substances ?? [],
          managementDecisionOn: toIsoDate(values.managementDecisionOn) ?? undefined,
          inDetention: Boolean(values.inDetention),
          ...(confirmDistinct ? { confirmDistinct: true } : {}),
        };
        return createPerson(body);
      }
      const current = base!;
      const before = toValues(current);
      const body: Record<string, unknown> = { version: current.version };
      for (const f of FIELDS) {
        const mine = wire(values, f);
        if (!same(mine, wire(before, f))) body[f] = mine;
      }
      return updatePerson(editing, body as PersonUpdate);
    },
    onSuccess: async (p) => {
      setError(null);
      setCandidates(null);
      setConflicts([]);
      await qc.invalidateQueries({ queryKey: ['persons'] });
      await qc.invalidateQueries({ queryKey: ['person', p.id] });
      toast.success(editing ? t('common.saved') : t('person.created', { code: p.caseCode }));
      navigate(`/people/${p.id}`);
    },
    onError: async (err, values) => {
      if (editing && isStale(err)) {
        // Someone saved first: show what they changed, keep what this user typed, and let the next
        // save go against the version just read.
        const latest = await getPerson(editing);
        const before = toValues(base!);
        const now = toValues(latest);
        const changed = FIELDS.filter((f) => !same(wire(now, f), wire(before, f)));
        // Fields this user left alone take the newer values; fields both changed keep this user's.
        for (const f of changed) {
          if (same(wire(values, f), wire(before, f))) form.setFieldValue(f, now[f]);
        }
        setConflicts(
          changed.map((f) => ({
            field: f,
            theirs: wire(now, f),
            yours: same(wire(values, f), wire(before, f)) ? wire(now, f) : wire(values, f),
          })),
        );
        setBase(latest);
        setError(null);
        return;
      }
      if (!editing && err instanceof ApiError && err.code === 'possible_duplicate') {
        setCandidates((err.body as { candidates?: PersonCandidate[] } | undefined)?.candidates ?? []);
        setError(null);
        return;
      }
      setError(err instanceof ApiError && err.status === 409 && /nationalId/i.test(err.message) ? t('person.duplicateNationalId') : errorText(t, err));
    },
  });

  if (editing && loaded.isLoading) return <Skeleton active />;
  if (editing && loaded.error) return <Alert type="error" showIcon title={errorText(t, loaded.error)} />;

  const required = [{ required: true, message: t('common.required') }];
  return (
    <section aria-labelledby="person-form-title" className="person-form">
      <h1 id="person-form-title">{editing ? t('person.editTitle') : t('person.newTitle')}</h1>
      {editing && base && (
        <p className="subtitle">
          {base.fullName} · {base.caseCode}
        </p>
      )}
      {conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="form-alert"
          title={t('person.conflictTitle')}
          description={
            <>
              <p>{t('person.conflictIntro')}</p>
              <Table
                size="small"
                pagination={false}
                rowKey="field"
                dataSource={conflicts}
                columns={[
                  { title: t('person.conflictField'), dataIndex: 'field', render: (f: Field) => t(`person.${f === 'residenceUnitId' ? 'residence' : f}`) },
                  { title: t('person.conflictTheirs'), dataIndex: 'theirs', render: (v, c) => show(c.field, v) },
                  { title: t('person.conflictYours'), dataIndex: 'yours', render: (v, c) => show(c.field, v) },
                ]}
              />
            </>
          }
        />
      )}
      {candidates && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="form-alert"
          title={t('person.possibleDuplicateTitle')}
          description={
            <>
              <p>{t('person.possibleDuplicateIntro')}</p>
              <ul className="candidates">
                {candidates.map((c) => (
                  <li key={c.id}>
                    <Link href={`/people/${c.id}`}>{c.fullName}</Link> · {c.caseCode} · {formatDate(c.dateOfBirth)} · {c.residenceUnitName}
                  </li>
                ))}
              </ul>
              <Button onClick={() => save.mutate({ ...form.getFieldsValue(true), confirmDistinct: true })} loading={save.isPending}>
                {t('person.confirmDistinct')}
              </Button>
            </>
          }
        />
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" className="form-alert" />}
      <Form<Values> form={form} name="person" layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} requiredMark="optional" scrollToFirstError>
        <div className="form-grid">
          <Form.Item name="fullName" label={t('person.fullName')} rules={required}>
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
          <Form.Item name="dateOfBirth" label={t('person.dateOfBirth')} rules={required}>
            <DateField />
          </Form.Item>
          <Form.Item name="sex" label={t('person.sex')} rules={required}>
            <Radio.Group
              options={(['male', 'female'] as const).map((s) => ({ value: s, label: t(`sex.${s}`) }))}
              optionType="button"
            />
          </Form.Item>
          <Form.Item
            name="nationalId"
            label={t('person.nationalId')}
            rules={[{ pattern: /^[0-9]{12}$/, message: t('person.nationalIdRule') }]}
          >
            <Input inputMode="numeric" maxLength={12} autoComplete="off" />
          </Form.Item>
          <Form.Item name="residenceUnitId" label={t('person.residence')} rules={required}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={communes.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="address" label={t('person.address')}>
            <Input maxLength={500} autoComplete="off" />
          </Form.Item>
          <Form.Item name="phone" label={t('person.phone')}>
            <Input inputMode="tel" maxLength={20} autoComplete="off" />
          </Form.Item>
          <Form.Item name="status" label={t('person.status')} rules={required}>
            <Select options={(['using', 'addicted'] as const).map((s) => ({ value: s, label: t(`personStatus.${s}`) }))} />
          </Form.Item>
          <Form.Item name="substances" label={t('person.substances')} extra={t('person.substancesHelp')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',']} />
          </Form.Item>
          <Form.Item name="registeredOn" label={t('person.registeredOn')} rules={required}>
            <DateField />
          </Form.Item>
          {status === 'using' && (
            <Form.Item name="managementDecisionOn" label={t('person.managementDecisionOn')}>
              <DateField />
            </Form.Item>
          )}
          <Form.Item name="inDetention" valuePropName="checked">
            <Checkbox>{t('person.inDetention')}</Checkbox>
          </Form.Item>
        </div>
        <div className="form-actions">
          <Button onClick={() => navigate(editing ? `/people/${editing}` : '/people')}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
