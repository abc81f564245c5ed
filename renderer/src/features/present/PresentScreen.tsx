import { useTranslation } from 'react-i18next';
import { ErrorView, Loading } from '../../ui/StateViews.tsx';
import { AudienceView } from './AudienceView.tsx';
import { PresenterView } from './PresenterView.tsx';
import { ReportView } from './ReportView.tsx';
import { useSession } from './useSession.ts';
import './present.css';

/**
 * `#/present/<presentation>?session=<id>&view=audience|presenter|report`. Without a session the
 * audience view is a rehearsal: it moves on its own, and nothing is recorded.
 */
export function PresentScreen({ presentationId, query }: { presentationId: string; query: URLSearchParams }) {
  const { t } = useTranslation();
  const sessionId = query.get('session');
  const view = query.get('view') ?? 'audience';
  const { show, error } = useSession(presentationId, sessionId);
  if (error) return <ErrorView error={error} />;
  if (!show) return <Loading />;
  if (view === 'report' && sessionId) return <ReportView sessionId={sessionId} mapId={show.mapId} />;
  if (view === 'presenter' && sessionId) return <PresenterView show={show} presentationId={presentationId} />;
  return (
    <main className="present-root" aria-label={t('present.panel')}>
      <AudienceView show={show} rehearsal={sessionId === null} />
    </main>
  );
}
