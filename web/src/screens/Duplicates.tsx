import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Radio } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { decidePair, duplicatesRun, findDuplicates, listPairs, type DuplicatePair, type PairFile } from '../api/files';
import { useSession } from '../auth/useSession';
import { Busy } from '../components/Busy';
import { errorText } from '../components/errors';
import { NativeSelect } from '../components/NativeSelect';
import { Pager } from '../components/Pager';
import { StatusTag } from '../components/StatusTag';
import { toast } from '../components/toast';
import { formatDate, formatNumber } from '../format';

const STATUSES = ['pending', 'same', 'distinct'] as const;
type Status = (typeof STATUSES)[number];

/** The facts compared, one row each: what the reviewer reads across the two files. */
const FIELDS: { key: string; value: (f: PairFile, t: (k: string) => string) => ReactNode; same?: (a: PairFile, b: PairFile) => boolean }[] = [
  { key: 'caseCode', value: (f) => <Link href={`/people/${f.id}`}>{f.caseCode}</Link>, same: () => true },
  { key: 'fullName', value: (f) => f.fullName },
  { key: 'dateOfBirth', value: (f) => formatDate(f.dateOfBirth) },
  { key: 'sex', value: (f, t) => t(`sex.${f.sex}`) },
  { key: 'residence', value: (f) => f.residenceUnitName },
  { key: 'status', value: (f, t) => t(`personStatusShort.${f.status}`) },
  { key: 'registeredOn', value: (f) => formatDate(f.registeredOn) },
  { key: 'closedOn', value: (f, t) => (f.closedOn ? `${formatDate(f.closedOn)}${f.closeReason ? ` · ${t(`closeReasons.${f.closeReason}`)}` : ''}` : '—') },
  { key: 'hasNationalId', value: (f, t) => t(f.hasNationalId ? 'common.yes' : 'common.no') },
  { key: 'enrollments', value: (f) => formatNumber(f.enrollments) },
  { key: 'services', value: (f) => formatNumber(f.services) },
  { key: 'supervisions', value: (f) => formatNumber(f.supervisions) },
];

function Side({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const tt = (k: string) => t(k);
  return (
    <table className="pair-table" aria-label={t('duplicates.pair', { a: pair.a.caseCode, b: pair.b.caseCode })}>
      <thead>
        <tr>
          <th scope="col">{t('duplicates.field')}</th>
          <th scope="col">{t('duplicates.fileA')}</th>
          <th scope="col">{t('duplicates.fileB')}</th>
        </tr>
      </thead>
      <tbody>
        {FIELDS.map((f) => {
          const a = f.value(pair.a, tt);
          const b = f.value(pair.b, tt);
          const differs = f.same ? !f.same(pair.a, pair.b) : a !== b;
          return (
            <tr key={f.key} className={differs ? 'differs' : undefined}>
              <th scope="row">
                {t(`duplicates.fields.${f.key}`)}
                {differs && <span className="differs-mark"> {t('duplicates.differs')}</span>}
              </th>
              <td>{a}</td>
              <td>{b}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "Same person" asks which file to keep and merges; "different people" dismisses the pair for good. */
function Decide({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const first = pair.a.registeredOn <= pair.b.registeredOn ? pair.a : pair.b;
  const [confirming, setConfirming] = useState(false);
  const [survivorId, setSurvivorId] = useState(first.id);
  const decide = useMutation({
    mutationFn: (decision: 'same' | 'distinct') => decidePair(pair.id, decision === 'same' ? { decision, survivorId } : { decision }),
    onSuccess: (_, decision) => {
      setConfirming(false);
      toast.success(t(decision === 'same' ? 'duplicates.merged' : 'duplicates.dismissed'));
      void client.invalidateQueries({ queryKey: ['duplicate-pairs'] });
      void client.invalidateQueries({ queryKey: ['persons'] });
    },
    onError: (err) => toast.error(errorText(t, err)),
  });
  return (
    <div className="actions-row">
      <Button type="primary" onClick={() => setConfirming(true)}>
        {t('duplicates.same')}
      </Button>
      <Button loading={decide.isPending && decide.variables === 'distinct'} onClick={() => decide.mutate('distinct')}>
        {t('duplicates.distinct')}
      </Button>
      <Modal
        open={confirming}
        title={t('duplicates.confirmSameTitle')}
        okText={t('duplicates.merge')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: decide.isPending }}
        onOk={() => decide.mutate('same')}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <p>{t('duplicates.confirmSameText')}</p>
        <fieldset className="keep-choice">
          <legend>{t('duplicates.keep')}</legend>
          <Radio.Group
            value={survivorId}
            onChange={(e) => setSurvivorId(e.target.value as string)}
            options={[pair.a, pair.b].map((f) => ({
              value: f.id,
              label: `${f.fullName} · ${t('duplicates.keepOption', { code: f.caseCode, on: formatDate(f.registeredOn) })}`,
            }))}
            vertical
          />
        </fieldset>
      </Modal>
    </div>
  );
}

function Pair({ pair }: { pair: DuplicatePair }) {
  const { t } = useTranslation();
  const headingId = `pair-${pair.id}`;
  return (
    <article className="block pair" aria-labelledby={headingId}>
      <h2 id={headingId}>{`${pair.a.fullName} · ${pair.b.fullName}`}</h2>
      <p className="muted">
        {t('duplicates.score', { score: formatNumber(pair.score * 100) })} ·{' '}
        {t('duplicates.reasonsLabel', { list: pair.reasons.map((r) => t(`duplicates.reasons.${r}`, { defaultValue: r })).join(', ') })}
        {pair.reviewedAt && ` · ${t('duplicates.reviewedAt', { at: dayjs(pair.reviewedAt).format('DD/MM/YYYY HH:mm') })}`}
      </p>
      <Side pair={pair} />
      {pair.status === 'pending' ? (
        <Decide pair={pair} />
      ) : (
        <StatusTag tone={pair.status === 'same' ? 'success' : 'neutral'}>{t(`duplicates.statuses.${pair.status}`)}</StatusTag>
      )}
    </article>
  );
}

/** A province officer searches the province now (the search also runs every night) and follows it to the end. */
function FindNow() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({ mutationFn: findDuplicates, onSuccess: (r) => setJobId(r.jobId), onError: (err) => toast.error(errorText(t, err)) });
  const job = useQuery({
    queryKey: ['duplicates-run', jobId],
    queryFn: () => duplicatesRun(jobId!),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'done' || q.state.data?.status === 'failed' ? false : 1000),
  });
  const status = job.data?.status;
  useEffect(() => {
    if (status === 'done') {
      toast.success(t('duplicates.found', { pending: formatNumber(job.data?.result?.pending ?? 0) }));
      void client.invalidateQueries({ queryKey: ['duplicate-pairs'] });
    }
    if (status === 'done' || status === 'failed') setJobId(null);
    if (status === 'failed') toast.error(t('duplicates.findFailed'));
  }, [status, client, t, job.data]);
  const running = start.isPending || jobId !== null;
  return (
    <Button loading={running} onClick={() => start.mutate()}>
      {running ? t('duplicates.finding') : t('duplicates.find')}
    </Button>
  );
}

/** Likely duplicate files of the caller's area, side by side, to merge or tell apart. */
export default function Duplicates() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [status, setStatus] = useState<Status>('pending');
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const pairs = useQuery({ queryKey: ['duplicate-pairs', status, page], queryFn: () => listPairs({ status, page, pageSize }) });
  const items = pairs.data?.items ?? [];
  return (
    <section aria-labelledby="duplicates-title">
      <div className="page-head">
        <h1 id="duplicates-title">{t('duplicates.title')}</h1>
        {user?.role === 'province_officer' && <FindNow />}
      </div>
      <p className="subtitle">{t('duplicates.intro')}</p>
      <div className="filters">
        <div className="filter">
          <label htmlFor="pair-status">{t('duplicates.statusFilter')}</label>
          <NativeSelect
            id="pair-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as Status);
              setPage(1);
            }}
            options={STATUSES.map((s) => ({ value: s, label: t(`duplicates.statuses.${s}`) }))}
          />
        </div>
      </div>
      {pairs.error && <Alert type="error" showIcon title={errorText(t, pairs.error)} />}
      {pairs.isLoading ? <Busy /> : items.length === 0 ? <p className="empty">{t('duplicates.none')}</p> : items.map((p) => <Pair key={p.id} pair={p} />)}
      {(pairs.data?.total ?? 0) > pageSize && <Pager page={page} pageSize={pageSize} total={pairs.data!.total} onPage={setPage} />}
    </section>
  );
}
