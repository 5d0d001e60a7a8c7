import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** A labelled control: the label names the control (by id) and nothing else. */
export function Field({
  label,
  children,
  hint,
}: {
  label: string;
  children: (id: string) => ComponentChildren;
  hint?: string | undefined;
}) {
  const id = useId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      {children(id)}
      {hint ? <span class="field-hint">{hint}</span> : null}
    </div>
  );
}
