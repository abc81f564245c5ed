import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/model/text.ts';
import { changeLanguage, useLanguage } from './i18n.ts';
import { DarkIcon, DecisionIcon, LibraryIcon, LightIcon, MapIcon, SystemIcon } from './icons.tsx';
import { useApiQuery } from './query.ts';
import { routeHref, type Screen } from './route.ts';
import { useTheme, type ThemeChoice } from './theme.ts';

const NAV: { screen: Screen; icon: ReactNode }[] = [
  { screen: 'library', icon: <LibraryIcon size={18} /> },
  { screen: 'maps', icon: <MapIcon size={18} /> },
  { screen: 'decisions', icon: <DecisionIcon size={18} /> },
];

const LANGUAGES: { lang: Language; label: string }[] = [
  { lang: 'zh', label: '中文' },
  { lang: 'en', label: 'English' },
];

/** The frame every screen sits in: brand, navigation, the top bar with the workspace, language and theme. */
export function AppFrame({ screen, title, workspace, children }: { screen: Screen; title: string; workspace?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [theme, setTheme] = useTheme();
  const info = useApiQuery('app.info', {});
  const themes: { choice: ThemeChoice; icon: ReactNode; label: string }[] = [
    { choice: 'system', icon: <SystemIcon size={16} />, label: t('settings.themeSystem') },
    { choice: 'light', icon: <LightIcon size={16} />, label: t('settings.themeLight') },
    { choice: 'dark', icon: <DarkIcon size={16} />, label: t('settings.themeDark') },
  ];

  return (
    <div className="app">
      <div className="brand">
        <img src="./icon.svg" alt="" />
        <span>{t('app.name')}</span>
      </div>
      <header className="topbar">
        <h1>{title}</h1>
        {workspace}
        <span className="spacer" />
        <div className="segmented" role="group" aria-label={t('settings.language')}>
          {LANGUAGES.map(({ lang: l, label }) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => changeLanguage(l)} lang={l === 'zh' ? 'zh-CN' : 'en'}>
              {label}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('settings.theme')}>
          {themes.map(({ choice, icon, label }) => (
            <button key={choice} type="button" aria-pressed={theme === choice} title={label} aria-label={label} onClick={() => setTheme(choice)}>
              {icon}
            </button>
          ))}
        </div>
      </header>
      <nav className="sidebar" aria-label={t('nav.main')}>
        {NAV.map(({ screen: s, icon }) => (
          <a key={s} className="nav-item" href={routeHref(s)} aria-current={s === screen ? 'page' : undefined}>
            {icon}
            <span>{t(`nav.${s}`)}</span>
          </a>
        ))}
        {info.data && <div className="footer">v{info.data.appVersion}</div>}
      </nav>
      <main>{children}</main>
    </div>
  );
}
