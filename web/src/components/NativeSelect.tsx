import type { SelectHTMLAttributes } from 'react';

/** The browser's own select: accessible, phone-native and weightless; for short fixed lists. */
export function NativeSelect({
  options,
  className,
  ...rest
}: { options: { value: string; label: string }[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select {...rest} className={`native-select${className ? ` ${className}` : ''}`}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
