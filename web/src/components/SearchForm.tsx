import { Button, Input, type InputRef } from 'antd';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { NativeSelect } from './NativeSelect';

/** A list's filters as one search landmark: Enter in a field or the search button submits it. */
export function SearchForm({ onSearch, children }: { onSearch: () => void; children: ReactNode }) {
  return (
    <form
      className="filters"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch();
      }}
    >
      {children}
    </form>
  );
}

/** The labelled search box of a SearchForm and its button. */
export function SearchBox({ id, label, placeholder, value, onChange, inputRef }: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (text: string) => void;
  inputRef?: Ref<InputRef>;
}) {
  const { t } = useTranslation();
  return (
    <div className="filter search">
      <label htmlFor={id}>{label}</label>
      <div className="search-row">
        <Input id={id} ref={inputRef} value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} allowClear autoComplete="off" />
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
      </div>
    </div>
  );
}

/** An administrator's choice of the facility a screen shows (staff see their own and get no picker). */
export function FacilityPicker({ id, label, facilities, value, onChange }: {
  id: string;
  label: string;
  facilities: readonly { id: string; name: string }[];
  value: string | null;
  onChange: (facilityId: string) => void;
}) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <NativeSelect id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} options={facilities.map((f) => ({ value: f.id, label: f.name }))} />
    </div>
  );
}
