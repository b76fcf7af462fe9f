import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  title: ReactNode;
  render: (row: T, index: number) => ReactNode;
  /** Hidden on phones, where each row becomes a card. */
  wideOnly?: boolean;
}

/**
 * A plain, semantic table: on a phone each row turns into a card whose cells carry their column
 * title. Light enough for the first screens, which Ant Design's Table would make twice as heavy.
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  empty,
  busy,
}: {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty: ReactNode;
  busy?: boolean;
}) {
  return (
    <div className="data-table-wrap" aria-busy={busy || undefined}>
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.wideOnly ? 'wide-only' : undefined}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="data-table-empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.key} data-label={typeof c.title === 'string' ? c.title : undefined} className={c.wideOnly ? 'wide-only' : undefined}>
                    {c.render(row, i)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
