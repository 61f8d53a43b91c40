import type { Ref, SelectHTMLAttributes } from 'react';
import { controlAttributes } from './classNames.ts';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectOptionGroup {
  label: string;
  options: readonly SelectOption[];
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  options: readonly SelectOption[];
  /** Option groups shown after `options`. */
  groups?: readonly SelectOptionGroup[];
  /** A first, empty option such as "Kies een soort". */
  placeholder?: string;
  invalid?: boolean;
  ref?: Ref<HTMLSelectElement>;
}

export function Select({ options, groups, placeholder, invalid = false, className, ...rest }: SelectProps) {
  return (
    <select {...controlAttributes('utrecht-select', 'html-select', invalid, className)} {...rest}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {groups?.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
