import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';

/** A modal on the native <dialog> element: focus trap, Escape and the backdrop come for free. */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  width,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={width ? 'dialog sized' : 'dialog'}
      aria-label={title}
      style={width ? { width } : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-header">
        <h2>{title}</h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
          <X size={16} />
        </button>
      </div>
      <div className="dialog-body">{children}</div>
      {footer && <div className="dialog-footer">{footer}</div>}
    </dialog>
  );
}

/** The usual footer: Cancel, and the dialog's one action (a button, or the submit of a form by id). */
export function DialogActions({ onCancel, label, disabled, onConfirm, form }: { onCancel(): void; label: string; disabled?: boolean; onConfirm?(): void; form?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type={form ? 'submit' : 'button'} form={form} className="button primary" disabled={disabled} onClick={onConfirm}>
        {label}
      </button>
    </>
  );
}
