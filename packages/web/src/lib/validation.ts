import { ApiError } from '../api/client.ts';

/** An id as the API gives them (a UUID). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Error message per field name (the first segment of the path: "password", "roles", …). */
export type FieldErrors = Partial<Record<string, string>>;

/** The shape of a failed safeParse of a Zod schema; structural, so the web app needs no zod import. */
export interface IssueList {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}

/** A schema as the web app uses it (a Zod schema's `safeParse`), typed by what it gives. */
export interface Parser<T> {
  safeParse: (input: unknown) => { success: true; data: T } | { success: false; error: IssueList };
}

/**
 * The field a path points at: its first segment ("roles" of "roles.1"), or with `leaf` its last one
 * ("postalCode" of "address.postalCode"), for forms whose nested fields have unique names.
 */
function fieldName(path: ReadonlyArray<PropertyKey> | string, leaf = false): string {
  const parts =
    typeof path === 'string'
      ? path.split(/[.[\]/]/).filter((part) => part !== '')
      : path.map((part) => String(part));
  const name = leaf ? parts.filter((part) => !/^\d+$/.test(part)).at(-1) : parts[0];
  return name === undefined ? '' : name;
}

/** The first message per field of a Zod validation error. */
export function issuesToFieldErrors(error: IssueList, options: { leaf?: boolean } = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const name = fieldName(issue.path, options.leaf);
    if (errors[name] === undefined) errors[name] = issue.message;
  }
  return errors;
}

export interface SubmitErrors {
  /** Shown above the form (the problem's detail, or a message about fields we cannot point at). */
  form: string | null;
  fields: FieldErrors;
}

/** Turns a failed API call into a message for the form and messages for its fields. */
export function apiErrorToSubmitErrors(
  error: unknown,
  knownFields: readonly string[],
  options: { leaf?: boolean } = {},
): SubmitErrors {
  if (!(error instanceof ApiError)) {
    return { form: 'Er ging iets onverwachts mis. Probeer het opnieuw.', fields: {} };
  }
  const fields: FieldErrors = {};
  const unmatched: string[] = [];
  for (const fieldError of error.fieldErrors) {
    const name = fieldName(fieldError.path, options.leaf);
    if (knownFields.includes(name)) {
      if (fields[name] === undefined) fields[name] = fieldError.message;
    } else {
      unmatched.push(fieldError.message);
    }
  }
  const form = [error.problem.detail, ...unmatched].filter(Boolean).join(' ');
  return { form: form || 'Het opslaan is niet gelukt.', fields };
}

/** Moves focus to the first field (in form order) that has an error. */
export function focusFirstError(formId: string, order: readonly string[], errors: FieldErrors): void {
  const first = order.find((name) => errors[name] !== undefined);
  if (!first) return;
  // A field's control has the id "<form>-<field>"; for a group (fieldset) focus its first input.
  const target = document.getElementById(`${formId}-${first}`);
  if (!target) return;
  const focusable =
    target instanceof HTMLFieldSetElement ? target.querySelector<HTMLElement>('input') : target;
  focusable?.focus();
}

/**
 * A failure handler for a form's `submit`: a conflict (409, e.g. a key that is taken) is shown at `field`
 * with `message` instead of above the form; any other failure is left to the form.
 */
export function conflictAt(validate: (found: FieldErrors) => boolean, field: string, message: string) {
  return (error: unknown): boolean => {
    if (!(error instanceof ApiError) || error.status !== 409) return false;
    validate({ [field]: message });
    return true;
  };
}
