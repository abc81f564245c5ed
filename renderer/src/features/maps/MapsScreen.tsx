import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePlus2, Sparkles, Trash2, Upload } from 'lucide-react';
import { client } from '../../api.ts';
import { errorMessage } from '../../ui/errors.ts';
import { MapIcon } from '../../ui/icons.tsx';
import { invalidateScope, useApiQuery } from '../../ui/query.ts';
import { navigate, routeHref } from '../../ui/route.ts';
import { EmptyState, ErrorView } from '../../ui/StateViews.tsx';
import { useToast } from '../../ui/toasts.tsx';
import { GenerateMapDialog } from './GenerateMapDialog.tsx';
import { ImportMapDialog } from './ImportMapDialog.tsx';
import { MapEditor } from './MapEditor.tsx';
import './maps.css';

/** The list of maps on the left, the open map on the right. */
export function MapsScreen({ selectedId }: { selectedId: string | null }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const maps = useApiQuery('maps.list', {});
  const [dialog, setDialog] = useState<'generate' | 'import' | null>(null);

  async function createEmpty() {
    try {
      const { id } = await client.call('maps.create', { title: t('maps.untitledMap') });
      invalidateScope('maps');
      navigate('maps', id);
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  async function remove(id: string, title: string) {
    if (!window.confirm(t('maps.confirmDelete', { title }))) return;
    try {
      await client.call('maps.delete', { id });
      invalidateScope('maps');
      if (id === selectedId) navigate('maps');
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  return (
    <div className="maps-screen">
      <aside className="maps-list" aria-label={t('maps.title')}>
        <div className="maps-actions">
          <button type="button" className="button primary" onClick={() => void createEmpty()}>
            <FilePlus2 size={15} /> {t('maps.new')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('generate')}>
            <Sparkles size={15} /> {t('maps.generate')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('import')}>
            <Upload size={15} /> {t('maps.import')}
          </button>
        </div>
        {maps.error && <ErrorView error={maps.error} />}
        <ul>
          {maps.data?.map((m) => (
            <li key={m.id} className={m.id === selectedId ? 'current' : ''}>
              <a href={routeHref('maps', m.id)} aria-current={m.id === selectedId ? 'page' : undefined}>
                <span className="map-title">{m.title}</span>
                <span className="muted small">
                  {t('maps.listCounts', { concepts: m.concepts, propositions: m.propositions })} · {new Date(m.updatedAt).toLocaleDateString(i18n.language)}
                </span>
              </a>
              <button type="button" className="icon-button small" aria-label={t('maps.deleteMap', { title: m.title })} onClick={() => void remove(m.id, m.title)}>
                <Trash2 size={13} />
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="map-pane">
        {selectedId ? (
          <MapEditor key={selectedId} id={selectedId} />
        ) : (
          <EmptyState icon={<MapIcon size={40} strokeWidth={1.4} />} title={maps.data?.length ? t('maps.pick') : t('maps.emptyTitle')}>
            {t('maps.emptyBody')}
          </EmptyState>
        )}
      </section>
      {dialog === 'generate' && <GenerateMapDialog onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportMapDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
