import type { ChangeEvent, ReactNode, RefObject } from 'react';
import type { BoundField } from '../lib/useFormSubmit.ts';
import type { StatusPaging } from '../lib/usePaging.ts';
import { type FieldControlProps, FormField } from './FormField.tsx';
import { Select, type SelectOption, type SelectProps } from './Select.tsx';
import { Textarea, type TextareaProps } from './Textarea.tsx';
import { Textbox, type TextboxProps } from './Textbox.tsx';

/** What every labelled field takes besides its control's own attributes. */
export interface FieldProps {
  id: string;
  label: string;
  description?: ReactNode;
  error?: string | undefined;
  /** Called with the new value on every change (instead of reading `event.target.value` in an onChange). */
  onValue?: (value: string) => void;
}

type ValueElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A control that takes the label's id and description as FormField hands them out. */
interface ControlProps<E extends ValueElement> {
  id?: string;
  invalid?: boolean;
  onChange?: (event: ChangeEvent<E>) => void;
}

export type LabelledProps<P> = FieldProps & Omit<P, keyof FieldControlProps>;

/** A control in a FormField: label, description and error message tied to it (see FormField). */
function labelled<E extends ValueElement, P extends ControlProps<E>>(Control: (props: P) => ReactNode) {
  return function Field({ id, label, description, error, onValue, ...rest }: LabelledProps<P>) {
    const props = rest as unknown as P;
    return (
      <FormField id={id} label={label} description={description} error={error}>
        {(control) => (
          <Control
            {...control}
            {...props}
            onChange={(event: ChangeEvent<E>) => {
              props.onChange?.(event);
              onValue?.(event.target.value);
            }}
          />
        )}
      </FormField>
    );
  };
}

/** A text input with its label (type text, search, date, time, number, email, …). */
export const TextField = labelled<HTMLInputElement, TextboxProps>(Textbox);
/** A select with its label. */
export const SelectField = labelled<HTMLSelectElement, SelectProps>(Select);
/** A textarea with its label. */
export const TextareaField = labelled<HTMLTextAreaElement, TextareaProps>(Textarea);

/** A date input with its label, at the width of a date. */
export function DateField(props: LabelledProps<TextboxProps>) {
  return <TextField type="date" className="wr-date" {...props} />;
}

/** A number input with its label, at the width of a few digits. */
export function NumberField(props: LabelledProps<TextboxProps>) {
  return <TextField type="number" inputMode="numeric" className="wr-number" {...props} />;
}

/** An e-mail address input with its label: the e-mail keyboard, no spelling help. */
export function EmailField(props: LabelledProps<TextboxProps>) {
  return <TextField type="email" inputMode="email" spellCheck={false} {...props} />;
}

/** A password input with its label. */
export function PasswordField(props: LabelledProps<TextboxProps>) {
  return <TextField type="password" {...props} />;
}

/** The one file of an import (CSV, GeoJSON) with its label; the form reads it through `inputRef`. */
export function ImportFileField({
  inputRef,
  accept,
  ...field
}: Omit<FieldProps, 'onValue'> & { inputRef: RefObject<HTMLInputElement | null>; accept: string }) {
  return (
    <FormField {...field}>
      {(control) => (
        <input
          id={control.id}
          aria-describedby={control['aria-describedby']}
          ref={inputRef}
          type="file"
          name="file"
          accept={accept}
          aria-invalid={control.invalid || undefined}
          className="wr-file"
        />
      )}
    </FormField>
  );
}

/** A select above a list that narrows the list at once (no button), e.g. the journal's categories. */
export function FilterSelect(props: LabelledProps<SelectProps>) {
  return (
    <div className="wr-journal__filter">
      <SelectField {...props} />
    </div>
  );
}

/** "Status" above a log: all, or the rows of one status; choosing another starts at the first page. */
export function StatusFilter({
  id,
  options,
  list,
}: {
  id: string;
  options: readonly SelectOption[];
  list: StatusPaging;
}) {
  return (
    <FilterSelect
      id={id}
      label="Status"
      placeholder="Alle"
      options={options}
      value={list.status}
      onValue={list.chooseStatus}
    />
  );
}

/**
 * A field for robots only (the public forms' honeypot): people never see it, screen readers skip it,
 * Tab passes it by. A value in it makes the server drop the submission quietly.
 */
export function HoneypotField({ field }: { field: BoundField }) {
  return (
    <div className="wr-visually-hidden" aria-hidden="true">
      <label htmlFor={field.id}>Website (niet invullen)</label>
      <input
        id={field.id}
        type="text"
        name={field.name}
        tabIndex={-1}
        autoComplete="off"
        value={field.value}
        onChange={(e) => field.onValue(e.target.value)}
      />
    </div>
  );
}
