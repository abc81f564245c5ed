import { useEffect, useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'workbench.theme';

function readChoice(): ThemeChoice {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** Applies the choice to <html data-theme>; 'system' leaves it to prefers-color-scheme. */
function apply(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(readChoice);
  useEffect(() => apply(choice), [choice]);
  return [
    choice,
    (next) => {
      if (next === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, next);
      setChoice(next);
    },
  ];
}

/** The theme in effect: the user's choice, or the system's when they follow it. */
export function useResolvedTheme(): 'light' | 'dark' {
  const query = '(prefers-color-scheme: dark)';
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(query).matches);
  const [attr, setAttr] = useState(() => document.documentElement.dataset.theme);
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setSystemDark(media.matches);
    media.addEventListener('change', onChange);
    const observer = new MutationObserver(() => setAttr(document.documentElement.dataset.theme));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', onChange);
      observer.disconnect();
    };
  }, []);
  if (attr === 'light' || attr === 'dark') return attr;
  return systemDark ? 'dark' : 'light';
}
