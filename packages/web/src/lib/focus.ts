/**
 * Moves focus to the element with this id once React has drawn it: a field or button that appears (or
 * comes back) after a click.
 */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
