import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A drop-down menu button: opens on click, closes when an item is chosen, on Escape, or on a
 * click elsewhere.
 */
export interface MenuItem {
  key: string;
  label: string;
  run(): void;
  disabled?: boolean;
  /** A small heading shown above this item, starting a group. */
  heading?: string;
}

export function Menu({ label, items, align = 'right', className }: { label: ReactNode; items: MenuItem[]; align?: 'left' | 'right'; className?: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button type="button" className={className ?? 'button'} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        {label}
      </button>
      {open && (
        <div className={`menu-items ${align}`} role="menu">
          {items.map((item) => (
            <Fragment key={item.key}>
              {item.heading && (
                <div className="menu-heading" role="presentation">
                  {item.heading}
                </div>
              )}
              <button
                type="button"
                role="menuitem"
                disabled={item.disabled}
                onClick={() => {
                  setOpen(false);
                  item.run();
                }}
              >
                {item.label}
              </button>
            </Fragment>
          ))}
        </div>
      )}
    </div>
  );
}
