import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Columns3, Download, Plus, Search, Undo2, Upload } from 'lucide-react';
import { client } from '../../api.ts';
import { downloadText } from '../../ui/download.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { pick } from '../../../../core/model/text.ts';
import { invalidateScope, useApiQuery } from '../../ui/query.ts';
import { Menu } from '../../ui/Menu.tsx';
import { useToast } from '../../ui/toasts.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import type { Sort } from './EntityList.tsx';

const SORTS: Sort[] = ['relevance', 'title', 'kind', 'source', 'updated'];

export function LibraryToolbar(props: {
  text: string;
  onText(text: string): void;
  sort: Sort;
  onSort(sort: Sort): void;
  hasQuery: boolean;
  compareCount: number;
  onCompare(): void;
  onCreate(): void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const toast = useToast();
  const [importing, setImporting] = useState(false);
  const undoState = useApiQuery('kb.undoState', {});
  const next = undoState.data?.next;

  async function exportAs(format: 'bundle' | 'cases-csv') {
    try {
      const { content, fileName } = await client.call('kb.export', { format });
      downloadText(fileName, content, format === 'bundle' ? 'application/json' : 'text/csv;charset=utf-8');
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  async function undo() {
    try {
      const done = await client.call('kb.undo', {});
      invalidateScope('kb');
      toast({ message: t('library.undone', { what: t(`library.change.${done.action}`, { title: pick(done.title, lang) }) }) });
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    }
  }

  return (
    <div className="list-toolbar">
      <div className="search-box">
        <Search size={15} aria-hidden />
        <input
          id="library-search"
          type="search"
          className="input"
          placeholder={t('library.searchPlaceholder')}
          aria-label={t('library.search')}
          value={props.text}
          onChange={(e) => props.onText(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="toolbar-row">
        <label className="sort">
          <span>{t('library.sortBy')}</span>
          <select value={props.sort} onChange={(e) => props.onSort(e.target.value as Sort)}>
            {SORTS.filter((s) => s !== 'relevance' || props.hasQuery).map((s) => (
              <option key={s} value={s}>
                {t(`library.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button
          type="button"
          className="icon-button"
          disabled={!next}
          onClick={() => void undo()}
          aria-label={next ? t('library.undoWhat', { what: t(`library.change.${next.action}`, { title: pick(next.title, lang) }) }) : t('library.nothingToUndo')}
          title={next ? t('library.undoWhat', { what: t(`library.change.${next.action}`, { title: pick(next.title, lang) }) }) : t('library.nothingToUndo')}
        >
          <Undo2 size={16} />
        </button>
        <button type="button" className="button" disabled={props.compareCount < 2 || props.compareCount > 4} onClick={props.onCompare} title={t('library.compareHint')}>
          <Columns3 size={15} /> {t('library.compare', { count: props.compareCount })}
        </button>
        <button type="button" className="button" onClick={() => setImporting(true)}>
          <Upload size={15} /> {t('library.import')}
        </button>
        <Menu
          label={
            <>
              <Download size={15} /> {t('library.export')}
            </>
          }
          items={[
            { key: 'bundle', label: t('library.exportBundle'), run: () => void exportAs('bundle') },
            { key: 'cases', label: t('library.exportCases'), run: () => void exportAs('cases-csv') },
          ]}
        />
        <button type="button" className="button primary" onClick={props.onCreate}>
          <Plus size={15} /> {t('library.new')}
        </button>
      </div>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
