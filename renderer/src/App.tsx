import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from './api.ts';
import { DecisionsScreen } from './features/decisions/DecisionsScreen.tsx';
import { LibraryScreen } from './features/library/LibraryScreen.tsx';
import { MapsScreen } from './features/maps/MapsScreen.tsx';
import { PresentScreen } from './features/present/PresentScreen.tsx';
import { AppFrame } from './ui/AppFrame.tsx';
import { WorkspaceMenu } from './features/workspace/WorkspaceMenu.tsx';
import { useWorkspaceEvents } from './features/workspace/useWorkspaceEvents.ts';
import { invalidateScope, useApiQuery } from './ui/query.ts';
import { useRoute } from './ui/route.ts';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const info = useApiQuery('app.info', {});
  useEffect(() => client.on('data.changed', ({ scope }) => invalidateScope(scope)), []);
  useWorkspaceEvents();

  const titles = { library: t('library.title'), maps: t('maps.title'), decisions: t('decisions.title'), present: t('present.panel') };
  const workspace = info.data?.workspace;
  // The window's title says which workspace is open (Electron shows it in the title bar).
  useEffect(() => {
    if (route.screen !== 'present') document.title = [titles[route.screen], workspace?.name, t('app.name')].filter(Boolean).join(' — ');
  });

  // Presenting takes the whole window: no navigation, no top bar.
  if (route.screen === 'present') return <PresentScreen presentationId={route.rest} query={route.query} />;

  return (
    <AppFrame screen={route.screen} title={titles[route.screen]} workspace={workspace && <WorkspaceMenu workspace={workspace} />}>
      {route.screen === 'library' && <LibraryScreen selectedId={route.rest || null} />}
      {route.screen === 'maps' && <MapsScreen selectedId={route.rest || null} />}
      {route.screen === 'decisions' && <DecisionsScreen selectedId={route.rest || null} />}
    </AppFrame>
  );
}
