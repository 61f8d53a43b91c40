import type { InputHTMLAttributes, ReactNode } from 'react';
import { controlAttributes, cx } from './classNames.ts';
import { Fieldset } from './Fieldset.tsx';

export interface ChoiceProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  id: string;
  label: string;
  invalid?: boolean;
}

/** The NL Design System names of a checkbox and a radio button: field modifier, input block, label modifier. */
const KINDS = {
  checkbox: { field: 'checkbox', input: 'utrecht-checkbox', label: 'checkbox' },
  radio: { field: 'radio', input: 'utrecht-radio-button', label: 'radio' },
} as const;

/** A checkbox or radio button with its label, laid out as an NL Design System form field. */
function Choice({
  type,
  id,
  label,
  invalid = false,
  className,
  ...rest
}: ChoiceProps & { type: keyof typeof KINDS }) {
  const kind = KINDS[type];
  return (
    <div className={cx('utrecht-form-field', `utrecht-form-field--${kind.field}`, 'wr-checkbox', className)}>
      <div className="utrecht-form-field__input">
        <input id={id} type={type} {...controlAttributes(kind.input, 'html-input', invalid)} {...rest} />
      </div>
      <div className="utrecht-form-field__label">
        <label htmlFor={id} className={`utrecht-form-label utrecht-form-label--${kind.label}`}>
          {label}
        </label>
      </div>
    </div>
  );
}

export function Checkbox(props: ChoiceProps) {
  return <Choice type="checkbox" {...props} />;
}

export function RadioButton(props: ChoiceProps) {
  return <Choice type="radio" {...props} />;
}

export interface ChoiceOption {
  value: string;
  label: string;
  /** Checked and not to be changed (the user's own organisation). */
  fixed?: boolean;
}

interface ChoiceGroupProps {
  /** The id of the fieldset; the options get `<itemPrefix ?? id>-<value>`. */
  id: string;
  itemPrefix?: string;
  legend: string;
  description?: ReactNode;
  error?: string | undefined;
  name: string;
  options: readonly ChoiceOption[];
  /** The layout of the options: one per line (default), side by side, or in columns. */
  layout?: 'list' | 'row' | 'columns';
  /** Shown above the options, e.g. why the list is empty. */
  notice?: ReactNode;
}

function ChoiceGroup({
  id,
  legend,
  description,
  error,
  layout = 'list',
  notice,
  children,
}: Omit<ChoiceGroupProps, 'name' | 'options'> & { children: ReactNode }) {
  return (
    <Fieldset id={id} legend={legend} description={description} error={error}>
      {notice}
      {layout === 'list' ? (
        children
      ) : (
        <div className={layout === 'row' ? 'wr-radio-row' : 'wr-checkbox-columns'}>{children}</div>
      )}
    </Fieldset>
  );
}

/** Radio buttons in a fieldset: one value of the options (typed as the options' values). */
export function RadioGroup<V extends string>({
  options,
  value,
  onValue,
  ...group
}: Omit<ChoiceGroupProps, 'options'> & {
  options: readonly (ChoiceOption & { value: V })[];
  value: V | '';
  onValue: (value: V) => void;
}) {
  const prefix = group.itemPrefix ?? group.id;
  return (
    <ChoiceGroup {...group}>
      {options.map((option) => (
        <RadioButton
          key={option.value}
          id={`${prefix}-${option.value}`}
          name={group.name}
          value={option.value}
          label={option.label}
          checked={value === option.value}
          onChange={() => onValue(option.value)}
        />
      ))}
    </ChoiceGroup>
  );
}

/** Checkboxes in a fieldset: any number of the options. */
export function CheckboxGroup({
  value,
  onToggle,
  markInvalid = false,
  ...group
}: ChoiceGroupProps & {
  value: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
  /** Mark every checkbox invalid while the group has an error. */
  markInvalid?: boolean;
}) {
  const prefix = group.itemPrefix ?? group.id;
  return (
    <ChoiceGroup {...group}>
      {group.options.map((option) => (
        <Checkbox
          key={option.value}
          id={`${prefix}-${option.value}`}
          name={group.name}
          value={option.value}
          label={option.label}
          checked={option.fixed || value.includes(option.value)}
          disabled={option.fixed}
          invalid={markInvalid && Boolean(group.error)}
          onChange={(e) => onToggle(option.value, e.target.checked)}
        />
      ))}
    </ChoiceGroup>
  );
}

/** A list with a value added (checked) or taken out. */
export function toggled<T>(list: readonly T[], value: T, checked: boolean): T[] {
  return checked ? [...list, value] : list.filter((item) => item !== value);
}
