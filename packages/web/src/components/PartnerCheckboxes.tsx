import type { Partner } from '@wijkregie/shared';
import { sortedByName } from '../lib/sort.ts';
import { Alert } from './Alert.tsx';
import { CheckboxGroup, toggled } from './Choice.tsx';

export interface PartnerCheckboxesProps {
  /** The form's id: the group is `<formId>-partnerIds`, a checkbox `<formId>-partner-<id>`. */
  formId: string;
  legend: string;
  error?: string | undefined;
  /** The partners to offer; a deactivated one (`active: false`) only when it is in `kept`. */
  partners: readonly (Partner & { active?: boolean })[];
  value: readonly string[];
  /**
   * The partners that already take part (a case's): offered also when deactivated since, marked so,
   * so that they can stay or be unticked. Anything else deactivated is not offered for new work.
   */
  kept?: readonly string[];
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

/**
 * The partners (organisations) to tick, by name: who takes part in a case or is invited to a meeting.
 * Deactivated partners are left out, except those that already take part (`kept`).
 */
export function PartnerCheckboxes({
  formId,
  legend,
  error,
  partners,
  value,
  kept = [],
  onChange,
  ownPartnerId,
  ownFixed = false,
  loadError,
  columns = true,
}: PartnerCheckboxesProps) {
  const offered = partners.filter((p) => p.active !== false || kept.includes(p.id));
  const options = sortedByName(offered).map((p) => {
    const own = p.id === ownPartnerId;
    const label = own
      ? `${p.name} (je eigen organisatie)`
      : p.active === false
        ? `${p.name} (gedeactiveerd)`
        : p.name;
    return { value: p.id, label, fixed: own && ownFixed };
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
