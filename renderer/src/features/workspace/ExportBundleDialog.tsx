import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, KINDS, type EntityKind } from '../../../../core/model/kinds.ts';
import { pick } from '../../../../core/model/text.ts';
import { client } from '../../api.ts';
import { Dialog, DialogActions } from '../../ui/Dialog.tsx';
import { downloadText } from '../../ui/download.ts';
import { errorMessage } from '../../ui/errors.ts';
import { useLanguage } from '../../ui/i18n.ts';
import { useApiQuery } from '../../ui/query.ts';
import { useToast } from '../../ui/toasts.tsx';

/** A checklist section with "all / none". */
function Checklist<T extends string>({ title, items, chosen, onChange }: { title: string; items: { id: T; label: string }[]; chosen: Set<T>; onChange(next: Set<T>): void }) {
  const { t } = useTranslation();
  const all = items.length > 0 && items.every((i) => chosen.has(i.id));
  return (
    <fieldset className="checklist">
      <legend>
        <label>
          <input type="checkbox" checked={all} disabled={!items.length} onChange={() => onChange(new Set(all ? [] : items.map((i) => i.id)))} /> {title}
        </label>
      </legend>
      {items.length === 0 ? (
        <p className="muted">{t('transfer.nothing')}</p>
      ) : (
        items.map((item) => (
          <label key={item.id}>
            <input
              type="checkbox"
              checked={chosen.has(item.id)}
              onChange={() => {
                const next = new Set(chosen);
                if (next.has(item.id)) next.delete(item.id);
                else next.add(item.id);
                onChange(next);
              }}
            />{' '}
            {item.label}
          </label>
        ))
      )}
    </fieldset>
  );
}

/** Choose what to hand to another workspace: entries by kind, maps, decisions. */
export function ExportBundleDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const toast = useToast();
  const stats = useApiQuery('kb.stats', {});
  const maps = useApiQuery('maps.list', {});
  const decisions = useApiQuery('decisions.list', {});
  const [kinds, setKinds] = useState<Set<EntityKind>>(new Set());
  const [mapIds, setMapIds] = useState<Set<string>>(new Set());
  const [decisionIds, setDecisionIds] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const nothing = kinds.size + mapIds.size + decisionIds.size === 0;

  async function run() {
    setBusy(true);
    try {
      const bundle = await client.call('transfer.export', { kinds: [...kinds], maps: [...mapIds], decisions: [...decisionIds] });
      downloadText(bundle.fileName, bundle.content, 'application/json');
      toast({ message: t('transfer.exported', { entities: bundle.entities, maps: bundle.maps, decisions: bundle.decisions }) });
      onClose();
    } catch (error) {
      toast({ tone: 'error', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('transfer.exportTitle')}
      onClose={onClose}
      width={640}
      footer={<DialogActions onCancel={onClose} label={t('transfer.exportButton')} disabled={busy || nothing} onConfirm={() => void run()} />}
    >
      <p className="hint">{t('transfer.exportHint')}</p>
      <div className="transfer-columns">
        <Checklist
          title={t('transfer.entries')}
          items={ENTITY_KINDS.filter((k) => (stats.data?.byKind[k] ?? 0) > 0).map((k) => ({ id: k, label: `${pick(KINDS[k].plural, lang)} (${stats.data?.byKind[k] ?? 0})` }))}
          chosen={kinds}
          onChange={setKinds}
        />
        <div>
          <Checklist title={t('transfer.maps')} items={(maps.data ?? []).map((m) => ({ id: m.id, label: m.title }))} chosen={mapIds} onChange={setMapIds} />
          <Checklist title={t('transfer.decisions')} items={(decisions.data ?? []).map((d) => ({ id: d.id, label: d.title }))} chosen={decisionIds} onChange={setDecisionIds} />
        </div>
      </div>
    </Dialog>
  );
}
