import { type FormEvent, type ReactNode, useState } from 'react';
import { type FieldErrors, focusFirstError } from '../lib/validation.ts';
import { Button, ButtonGroup } from './Button.tsx';
import { Checkbox } from './Choice.tsx';
import { DateField, SelectField, TextField } from './fields.tsx';
import type { SelectOption, SelectOptionGroup } from './Select.tsx';

interface FilterBase {
  /** The control's id is `<bar id>-<key>`; errors are keyed by it too. */
  key: string;
  /** The URL search parameter that holds the value. */
  param: string;
  label: string;
  description?: string;
}

/**
 * One filter: a search box (trimmed), an id typed or pasted (trimmed, lower case, no spelling help), a
 * select, or a date.
 */
export type FilterField =
  | (FilterBase & { kind: 'search' | 'id' | 'date' })
  | (FilterBase & {
      kind: 'select';
      placeholder: string;
      options?: readonly SelectOption[];
      groups?: readonly SelectOptionGroup[];
    });

/** A checkbox: `param=ja` when ticked; with `onUnlessNo` ticked by default and `param=nee` when not. */
export interface FilterCheck {
  key: string;
  param: string;
  label: string;
  onUnlessNo?: boolean;
}

export interface FilterBarProps {
  id: string;
  /** The accessible name of the search landmark, e.g. "Casussen filteren". */
  label: string;
  params: URLSearchParams;
  fields: readonly FilterField[];
  checks?: readonly FilterCheck[];
  /** Lay the checkboxes out side by side. */
  checksInRow?: boolean;
  /** Checks the values before they are applied (no browser validation then); messages by key. */
  validate?: (values: Readonly<Record<string, string>>) => FieldErrors;
  onApply: (next: URLSearchParams) => void;
}

/**
 * The filters of a list page: fields and checkboxes read from and written to the URL, "Filteren" and
 * "Filters wissen". A new URL starts the form afresh.
 */
export function FilterBar(props: FilterBarProps) {
  return <Filters key={props.params.toString()} {...props} />;
}

function appliedValue(field: FilterField, raw: string): string {
  if (field.kind === 'id') return raw.trim().toLowerCase();
  return field.kind === 'search' ? raw.trim() : raw;
}

function Filters({ id, label, params, fields, checks = [], checksInRow, validate, onApply }: FilterBarProps) {
  const [values, setValues] = useState(() =>
    Object.fromEntries(fields.map((f) => [f.key, params.get(f.param) ?? ''])),
  );
  const [ticked, setTicked] = useState(() =>
    Object.fromEntries(
      checks.map((c) => [c.key, c.onUnlessNo ? params.get(c.param) !== 'nee' : params.get(c.param) === 'ja']),
    ),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: string) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (validate) {
      const found = validate(values);
      setErrors(found);
      if (Object.keys(found).length > 0) {
        focusFirstError(id, [...fields.map((f) => f.key)], found);
        return;
      }
    }
    const next = new URLSearchParams();
    for (const field of fields) {
      const value = appliedValue(field, values[field.key] ?? '');
      if (value) next.set(field.param, value);
    }
    for (const check of checks) {
      if (check.onUnlessNo && !ticked[check.key]) next.set(check.param, 'nee');
      if (!check.onUnlessNo && ticked[check.key]) next.set(check.param, 'ja');
    }
    onApply(next);
  }

  const boxes = checks.map((check) => (
    <Checkbox
      key={check.key}
      id={`${id}-${check.key}`}
      name={check.param}
      label={check.label}
      checked={ticked[check.key] ?? false}
      onChange={(e) => setTicked((current) => ({ ...current, [check.key]: e.target.checked }))}
    />
  ));
  return (
    <search className="wr-card wr-filters" aria-label={label}>
      <form id={id} noValidate={validate ? true : undefined} onSubmit={onSubmit}>
        <div className="wr-filters__fields">
          {fields.map((field) => {
            const common = {
              id: `${id}-${field.key}`,
              label: field.label,
              description: field.description,
              error: errors[field.key],
              name: field.param,
              value: values[field.key] ?? '',
              onValue: set(field.key),
            };
            if (field.kind === 'select') {
              const { placeholder, options = [], groups } = field;
              return (
                <SelectField
                  key={field.key}
                  {...common}
                  placeholder={placeholder}
                  options={options}
                  groups={groups}
                />
              );
            }
            if (field.kind === 'id') {
              return <TextField key={field.key} {...common} autoComplete="off" spellCheck={false} />;
            }
            return <TextField key={field.key} {...common} type={field.kind} />;
          })}
        </div>
        {checksInRow ? <div className="wr-radio-row">{boxes}</div> : boxes}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action">
            Filteren
          </Button>
          <Button appearance="secondary-action" onClick={() => onApply(new URLSearchParams())}>
            Filters wissen
          </Button>
        </ButtonGroup>
      </form>
    </search>
  );
}

/**
 * What a page of figures shows (a period, an area): the fields in a row and one button. Unlike a
 * FilterBar the page reads the choice only when it is submitted.
 */
export function ChoiceForm({
  label,
  submitLabel,
  onSubmit,
  children,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <form className="wr-card wr-filters" aria-label={label} onSubmit={onSubmit}>
      <div className="wr-field-row">{children}</div>
      <div>
        <Button type="submit" appearance="primary-action">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** "Vanaf" and "Tot en met" of a ChoiceForm (`van`, `tot`; ids `<id>-from`, `<id>-to`). */
export function PeriodFields({
  id,
  from,
  to,
  onFrom,
  onTo,
}: {
  id: string;
  from: string;
  to: string;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
}) {
  return (
    <>
      <DateField id={`${id}-from`} label="Vanaf" name="van" value={from} onValue={onFrom} />
      <DateField id={`${id}-to`} label="Tot en met" name="tot" value={to} onValue={onTo} />
    </>
  );
}

/**
 * The state of PeriodFields until their ChoiceForm is sent: it starts from the period shown (the URL's);
 * `params` are the chosen dates as `van` and `tot` for the URL.
 */
export function usePeriodFields(shown: { from?: string; to?: string }) {
  const [from, setFrom] = useState(shown.from ?? '');
  const [to, setTo] = useState(shown.to ?? '');
  const params: [string, string][] = [
    ['van', from],
    ['tot', to],
  ];
  return { fields: { from, to, onFrom: setFrom, onTo: setTo }, params };
}
