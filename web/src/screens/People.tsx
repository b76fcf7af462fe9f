import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listPersons, type PersonQuery } from '../api/endpoints';
import type { PersonListItem, PersonStatus } from '../api/types';
import { useSession } from '../auth/useSession';
import { DataTable } from '../components/DataTable';
import { errorText } from '../components/errors';
import { LinkButton } from '../components/LinkButton';
import { NativeSelect } from '../components/NativeSelect';
import { Pager } from '../components/Pager';
import { SearchBox, SearchForm } from '../components/SearchForm';
import { StatusTag } from '../components/StatusTag';
import { useUnits } from '../components/units';
import { formatDate } from '../format';

type OpenFilter = 'open' | 'closed' | 'all';
const PAGE_SIZE = 20;

export default function People() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { communes, nameOf } = useUnits();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<PersonStatus | 'all'>('all');
  const [open, setOpen] = useState<OpenFilter>('open');
  const [unitId, setUnitId] = useState('all');
  const [page, setPage] = useState(1);
  const query: PersonQuery = {
    q: search || undefined,
    status: status === 'all' ? undefined : status,
    open: open === 'all' ? undefined : open === 'open',
    unitId: unitId === 'all' ? undefined : unitId,
    page,
    pageSize: PAGE_SIZE,
  };
  const { data, isFetching, error } = useQuery({
    queryKey: ['persons', query],
    queryFn: () => listPersons(query),
    placeholderData: keepPreviousData,
  });
  const canRegister = user?.role === 'commune_worker' || user?.role === 'admin';
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <section aria-labelledby="people-title">
      <div className="page-head">
        <h1 id="people-title">{t('people.title')}</h1>
        {canRegister && (
          <LinkButton href="/people/new" type="primary">
            {t('people.register')}
          </LinkButton>
        )}
      </div>
      <SearchForm
        onSearch={() => {
          setSearch(q.trim());
          setPage(1);
        }}
      >
        <SearchBox id="people-q" label={t('people.searchLabel')} placeholder={t('people.searchPlaceholder')} value={q} onChange={setQ} />
        <div className="filter">
          <label htmlFor="people-status">{t('people.status')}</label>
          <NativeSelect
            id="people-status"
            value={status}
            onChange={(e) => filter(setStatus)(e.target.value as PersonStatus | 'all')}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'using', label: t('personStatusShort.using') },
              { value: 'addicted', label: t('personStatusShort.addicted') },
            ]}
          />
        </div>
        <div className="filter">
          <label htmlFor="people-open">{t('people.openClosed')}</label>
          <NativeSelect
            id="people-open"
            value={open}
            onChange={(e) => filter(setOpen)(e.target.value as OpenFilter)}
            options={[
              { value: 'open', label: t('people.openOnly') },
              { value: 'closed', label: t('people.closedOnly') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        </div>
        {communes.length > 1 && (
          <div className="filter">
            <label htmlFor="people-unit">{t('people.unit')}</label>
            <NativeSelect
              id="people-unit"
              value={unitId}
              onChange={(e) => filter(setUnitId)(e.target.value)}
              options={[{ value: 'all', label: t('common.all') }, ...communes.map((c) => ({ value: c.id, label: c.name }))]}
            />
          </div>
        )}
      </SearchForm>
      {error && <Alert type="error" showIcon title={errorText(t, error)} />}
      <DataTable<PersonListItem>
        label={t('people.list')}
        rows={data?.items ?? []}
        rowKey={(p) => p.id}
        busy={isFetching}
        empty={isFetching && !data ? t('app.loading') : t('people.empty')}
        columns={[
          { key: 'name', title: t('person.fullName'), render: (p) => <Link href={`/people/${p.id}`}>{p.fullName}</Link> },
          { key: 'code', title: t('person.caseCode'), render: (p) => p.caseCode },
          { key: 'dob', title: t('person.dateOfBirth'), render: (p) => formatDate(p.dateOfBirth) },
          {
            key: 'status',
            title: t('person.status'),
            render: (p) => (
              <>
                <StatusTag tone={p.status === 'addicted' ? 'accent' : 'info'}>{t(`personStatusShort.${p.status}`)}</StatusTag>
                {p.closedOn && <StatusTag tone="neutral">{t('person.closedState')}</StatusTag>}
              </>
            ),
          },
          { key: 'unit', title: t('people.unit'), render: (p) => nameOf(p.residenceUnitId), wideOnly: true },
        ]}
      />
      {data && data.total > 0 && <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />}
    </section>
  );
}
