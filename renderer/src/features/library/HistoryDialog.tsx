import { useTranslation } from 'react-i18next';
import type { Entity } from '../../../../core/model/entity.ts';
import { pick } from '../../../../core/model/text.ts';
import { client } from '../../api.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { invalidateScope, useApiQuery } from '../../ui/query.ts';
import { ErrorView, Loading } from '../../ui/StateViews.tsx';
import { useToast } from '../../ui/toasts.tsx';

/** Every saved revision of an entry, newest first, each restorable as a new revision. */
export function HistoryDialog({ entity, onClose }: { entity: Entity; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const toast = useToast();
  const history = useApiQuery('kb.history', { id: entity.id });

  async function restore(revision: number) {
    try {
      await client.call('kb.restore', { id: entity.id, revision });
      invalidateScope('kb');
      toast({ message: t('library.restored', { revision }) });
      onClose();
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  return (
    <Dialog title={t('library.historyTitle', { title: pick(entity.title, lang) })} onClose={onClose} width={640}>
      {history.isPending && <Loading />}
      {history.error && <ErrorView error={history.error} />}
      {history.data && history.data.length === 0 && <p className="muted">{t('library.noHistory')}</p>}
      {history.data && history.data.length > 0 && (
        <ol className="history">
          {history.data.map((r) => (
            <li key={r.revision}>
              <div>
                <strong>
                  {t('library.revisionN', { revision: r.revision })} · {t(`library.action.${r.action}`)}
                </strong>
                <div className="muted">{new Date(r.at).toLocaleString(i18n.language)}</div>
                <div>{pick(r.entity.title, lang)}</div>
              </div>
              {r.revision !== entity.revision && r.action !== 'delete' && (
                <button type="button" className="button" onClick={() => void restore(r.revision)}>
                  {t('library.restore')}
                </button>
              )}
              {r.revision === entity.revision && <span className="badge">{t('library.current')}</span>}
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
