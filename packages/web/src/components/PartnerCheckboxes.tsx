import type { Partner } from '@wijkregie/shared';
import { sortedByName } from '../lib/sort.ts';
import { Alert } from './Alert.tsx';
import { CheckboxGroup, toggled } from './Choice.tsx';

export interface PartnerCheckboxesProps {
  /** The form's id: the group is `<formId>-partnerIds`, a checkbox `<formId>-partner-<id>`. */
  formId: string;
  legend: string;
  error?: string | undefined;
  partners: readonly Partner[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  /**
   * The user's own organisation: named "(je eigen organisatie)"; with `ownFixed` it always takes part
   * (checked, cannot be unticked).
   */
  ownPartnerId?: string;
  ownFixed?: boolean;
  /** The partners could not be loaded. */
  loadError?: string | null;
  /** In columns on wide screens (default), or one per line. */
  columns?: boolean;
}

/** The partners (organisations) to tick, by name: who takes part in a case or is invited to a meeting. */
export function PartnerCheckboxes({
  formId,
  legend,
  error,
  partners,
  value,
  onChange,
  ownPartnerId,
  ownFixed = false,
  loadError,
  columns = true,
}: PartnerCheckboxesProps) {
  const options = sortedByName(partners).map((p) => {
    const own = p.id === ownPartnerId;
    return { value: p.id, label: own ? `${p.name} (je eigen organisatie)` : p.name, fixed: own && ownFixed };
  });
  return (
    <CheckboxGroup
      id={`${formId}-partnerIds`}
      itemPrefix={`${formId}-partner`}
      legend={legend}
      error={error}
      name="partnerIds"
      options={options}
      layout={columns ? 'columns' : 'list'}
      notice={loadError && <Alert type="error">{loadError}</Alert>}
      value={value}
      onToggle={(id, checked) => onChange(toggled(value, id, checked))}
    />
  );
}
