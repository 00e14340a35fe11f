import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '@/utils/text/messages';

/**
 * An inline confirmation step for something that cannot be undone. Focus moves to its safe
 * choice (Cancel), so Enter after a stray click changes nothing; Escape cancels.
 */
export function Confirm(props: { label: string; confirmLabel: string; onConfirm(): void; onCancel(): void; children: ComponentChildren }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      role="group"
      aria-label={props.label}
      class="confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onCancel();
      }}
    >
      <p>{props.children}</p>
      <button type="button" class="danger" onClick={props.onConfirm}>
        {props.confirmLabel}
      </button>
      <button type="button" ref={cancel} onClick={props.onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
