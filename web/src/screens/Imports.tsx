import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Progress, Upload } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import {
  getImport,
  getUser,
  importErrors,
  importTemplate,
  listImports,
  uploadImport,
  type ImportDetail,
  type ImportRowError,
  type ImportSummary,
} from '../api/files';
import { useSession } from '../auth/useSession';
import { Busy } from '../components/Busy';
import { DataTable } from '../components/DataTable';
import { saveFile } from '../components/download';
import { errorText } from '../components/errors';
import { Pager } from '../components/Pager';
import { StatusTag, type Tone } from '../components/StatusTag';
import { toast } from '../components/toast';
import { formatNumber } from '../format';

const TONE: Record<ImportSummary['status'], Tone> = { queued: 'neutral', running: 'info', done: 'success', failed: 'danger' };
const finished = (i: ImportSummary | undefined) => i?.status === 'done' || i?.status === 'failed';
const at = (iso: string) => dayjs(iso).format('DD/MM/YYYY HH:mm');

/** Fetches a file with the session's token and hands it to the browser. */
async function download(fetchFile: () => Promise<{ blob: Blob; filename: string }>, done: string, t: Parameters<typeof errorText>[0]) {
  try {
    const { blob, filename } = await fetchFile();
    saveFile({ blob, filename });
    toast.success(done);
  } catch (err) {
    toast.error(errorText(t, err));
  }
}

/** An import followed until its job ends (polled), as a progress bar. */
function useImport(importId: string | null) {
  return useQuery({
    queryKey: ['import', importId],
    queryFn: () => getImport(importId!),
    enabled: importId !== null,
    refetchInterval: (q) => (finished(q.state.data) ? false : 700),
  });
}

function RowErrors({ errors, total }: { errors: ImportRowError[]; total: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const size = 20;
  return (
    <>
      <DataTable
        label={t('imports.rowErrors')}
        rows={errors.slice((page - 1) * size, page * size)}
        rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
        empty={t('imports.noErrors')}
        columns={[
          { key: 'row', title: t('imports.row'), render: (e) => (e.row === 0 ? t('imports.wholeFile') : formatNumber(e.row)) },
          { key: 'column', title: t('imports.column'), render: (e) => e.column || t('common.none') },
          { key: 'message', title: t('imports.problem'), render: (e) => e.message },
        ]}
      />
      {errors.length > size && <Pager page={page} pageSize={size} total={errors.length} onPage={setPage} />}
      {total > errors.length && <p className="hint">{t('imports.moreErrors', { n: formatNumber(total - errors.length) })}</p>}
    </>
  );
}

/** Where an import is: its progress while it runs, then its counts and row errors. */
function ImportResult({ imp }: { imp: ImportDetail }) {
  const { t } = useTranslation();
  const { done, total } = imp.progress;
  const percent = imp.status === 'done' ? 100 : total ? Math.floor((done / total) * 100) : 0;
  const kind = imp.dryRun ? 'dry' : 'real';
  return (
    <div className="import-result">
      <p>
        <StatusTag tone={imp.dryRun ? 'accent' : 'info'}>{t(`imports.kind.${kind}`)}</StatusTag>{' '}
        <StatusTag tone={TONE[imp.status]}>{t(`imports.status.${imp.status}`)}</StatusTag>
      </p>
      <Progress
        percent={percent}
        status={imp.status === 'failed' ? 'exception' : imp.status === 'done' ? 'success' : 'active'}
        aria-label={t('imports.progress')}
        format={() => (total === null ? t('imports.reading') : t('imports.rowsDone', { done: formatNumber(done), total: formatNumber(total) }))}
      />
      {imp.status === 'failed' && <Alert type="error" showIcon title={t('imports.failed')} />}
      {imp.status === 'done' && (
        <dl className="import-counts" aria-label={t('imports.summary')}>
          {(['created', 'updated', 'unchanged', 'rejected'] as const).map((c) => (
            <div key={c}>
              <dt>{t(`imports.counts.${kind}.${c}`)}</dt>
              <dd>{formatNumber(imp.counts[c])}</dd>
            </div>
          ))}
        </dl>
      )}
      {finished(imp) && imp.errorsTotal > 0 && (
        <section aria-labelledby={`errors-${imp.id}`}>
          <div className="page-head">
            <h3 id={`errors-${imp.id}`}>{t('imports.rowErrors')}</h3>
            <Button onClick={() => void download(() => importErrors(imp.id), t('imports.errorsSaved'), t)}>{t('imports.downloadErrors')}</Button>
          </div>
          <RowErrors errors={imp.errors} total={imp.errorsTotal} />
        </section>
      )}
    </div>
  );
}

function Followed({ importId }: { importId: string }) {
  const { t } = useTranslation();
  const imp = useImport(importId);
  const client = useQueryClient();
  const over = finished(imp.data);
  useEffect(() => {
    if (over) void client.invalidateQueries({ queryKey: ['imports'] });
  }, [over, client]);
  if (imp.error) return <Alert type="error" showIcon title={errorText(t, imp.error)} />;
  if (!imp.data) return <Busy />;
  return <ImportResult imp={imp.data} />;
}

/** Names of who uploaded: one's own name, or (administrators, who see every import) each user's. */
function useUploaders(items: ImportSummary[]): (userId: string) => string {
  const { user } = useSession();
  const others = user?.role === 'admin' ? [...new Set(items.map((i) => i.createdBy))].filter((id) => id !== user.id) : [];
  const found = useQueries({
    queries: others.map((id) => ({ queryKey: ['user', id], queryFn: () => getUser(id), staleTime: 10 * 60_000 })),
  });
  const names = new Map(found.flatMap((q) => (q.data ? [[q.data.id, q.data.fullName ?? q.data.username] as const] : [])));
  return (id) => (id === user?.id ? (user.fullName ?? user.username) : (names.get(id) ?? '—'));
}

function History() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const list = useQuery({ queryKey: ['imports', page], queryFn: () => listImports(page, pageSize) });
  const items = list.data?.items ?? [];
  const who = useUploaders(items);
  if (list.error) return <Alert type="error" showIcon title={errorText(t, list.error)} />;
  return (
    <>
      <DataTable
        label={t('imports.history')}
        rows={items}
        rowKey={(i) => i.id}
        busy={list.isLoading}
        empty={list.isLoading ? t('app.loading') : t('imports.noHistory')}
        columns={[
          { key: 'when', title: t('imports.when'), render: (i) => at(i.createdAt) },
          { key: 'file', title: t('imports.file'), render: (i) => <Link href={`/imports/${i.id}`}>{i.fileName}</Link> },
          { key: 'who', title: t('imports.who'), render: (i) => who(i.createdBy) },
          { key: 'kind', title: t('imports.kindTitle'), render: (i) => t(`imports.kind.${i.dryRun ? 'dry' : 'real'}`) },
          {
            key: 'counts',
            title: t('imports.result'),
            render: (i) => t('imports.countsShort', { ...i.counts }),
          },
          { key: 'status', title: t('imports.statusTitle'), render: (i) => <StatusTag tone={TONE[i.status]}>{t(`imports.status.${i.status}`)}</StatusTag> },
        ]}
      />
      {(list.data?.total ?? 0) > pageSize && <Pager page={page} pageSize={pageSize} total={list.data!.total} onPage={setPage} />}
    </>
  );
}

/** One import of the history, with its row errors and its error workbook. */
export function ImportPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const imp = useImport(id);
  return (
    <section aria-labelledby="import-title">
      <p className="no-print">
        <Link href="/imports">{t('imports.back')}</Link>
      </p>
      <h1 id="import-title">{imp.data ? t('imports.oneTitle', { file: imp.data.fileName }) : t('imports.title')}</h1>
      {imp.data && <p className="muted">{t('imports.uploadedAt', { at: at(imp.data.createdAt) })}</p>}
      {imp.error ? <Alert type="error" showIcon title={errorText(t, imp.error)} /> : imp.data ? <ImportResult imp={imp.data} /> : <Busy />}
    </section>
  );
}

/** Import a register: the template, a dry run with its row errors, then the import itself, and the history. */
export default function Imports() {
  const { t } = useTranslation();
  const [register, setRegister] = useState<File | null>(null);
  const [dryId, setDryId] = useState<string | null>(null);
  const [realId, setRealId] = useState<string | null>(null);
  const dry = useImport(dryId);
  const upload = useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => uploadImport(file, dryRun),
    onSuccess: ({ importId }, { dryRun }) => (dryRun ? setDryId(importId) : setRealId(importId)),
  });
  const pick = (file: File | null) => {
    setRegister(file);
    setDryId(null);
    setRealId(null);
    upload.reset();
  };
  const checked = dry.data?.status === 'done';

  return (
    <section aria-labelledby="imports-title">
      <div className="page-head">
        <h1 id="imports-title">{t('imports.title')}</h1>
      </div>
      <div className="block">
        <h2>{t('imports.step1')}</h2>
        <p>{t('imports.templateHint')}</p>
        <Button onClick={() => void download(importTemplate, t('imports.templateSaved'), t)}>{t('imports.template')}</Button>
      </div>
      <div className="block">
        <h2>{t('imports.step2')}</h2>
        <p>{t('imports.pickHint')}</p>
        <Upload
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          maxCount={1}
          beforeUpload={(file) => {
            pick(file);
            return false;
          }}
          onRemove={() => pick(null)}
          fileList={register ? [{ uid: 'register', name: register.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined aria-hidden="true" />}>{t('imports.pick')}</Button>
        </Upload>
        <div className="actions-row import-actions">
          <Button
            type="primary"
            disabled={!register}
            loading={upload.isPending && upload.variables?.dryRun}
            onClick={() => register && upload.mutate({ file: register, dryRun: true })}
          >
            {t('imports.dryRun')}
          </Button>
        </div>
        {upload.error && <Alert type="error" showIcon title={errorText(t, upload.error)} />}
        {dryId && <Followed importId={dryId} />}
      </div>
      {checked && register && (
        <div className="block">
          <h2>{t('imports.step3')}</h2>
          <p>{dry.data!.counts.rejected > 0 ? t('imports.realHintErrors') : t('imports.realHint')}</p>
          {!realId && (
            <Button type="primary" loading={upload.isPending && !upload.variables?.dryRun} onClick={() => upload.mutate({ file: register, dryRun: false })}>
              {t('imports.real')}
            </Button>
          )}
          {realId && <Followed importId={realId} />}
        </div>
      )}
      <section className="block" aria-labelledby="history-title">
        <h2 id="history-title">{t('imports.history')}</h2>
        <History />
      </section>
    </section>
  );
}
