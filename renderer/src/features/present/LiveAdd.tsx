import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api.ts';
import { useToast } from '../../ui/toasts.tsx';
import { useCall } from './useCall.ts';
import type { LiveShow } from './useSession.ts';

function TextField({ label, value, onChange, disabled }: { label: string; value: string; onChange(value: string): void; disabled?: boolean }) {
  return (
    <label>
      <span>{label}</span>
      <input className="input" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

function ConceptField({ label, value, onChange, show }: { label: string; value: string; onChange(value: string): void; show: LiveShow }) {
  const { t } = useTranslation();
  const concepts = [...show.map.concepts].sort((a, b) => a.label.localeCompare(b.label));
  return (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('present.presenter.noConcept')}</option>
        {concepts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label.replace(/\s+/g, ' ')}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Adding a concept (beside one it relates to) or a link while presenting; nothing on the map moves. */
export function LiveAdd({ show, sessionId }: { show: LiveShow; sessionId: string }) {
  const { t } = useTranslation();
  const call = useCall();
  const toast = useToast();
  const [label, setLabel] = useState('');
  const [near, setNear] = useState('');
  const [phrase, setPhrase] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [linkPhrase, setLinkPhrase] = useState('');

  return (
    <section aria-labelledby="room-add">
      <h3 id="room-add">{t('present.presenter.addConcept')}</h3>
      <form
        className="stacked-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!label.trim()) return;
          const linked = near !== '' && phrase.trim() !== '';
          void call(client.call('sessions.addConcept', { id: sessionId, label, near: near || null, ...(linked ? { phrase } : {}) }), () => {
            toast({ message: t('present.presenter.added', { label }) });
            setLabel('');
            setPhrase('');
          });
        }}
      >
        <TextField label={t('present.presenter.conceptLabel')} value={label} onChange={setLabel} />
        <ConceptField label={t('present.presenter.near')} value={near} onChange={setNear} show={show} />
        <TextField label={t('present.presenter.phrase')} value={phrase} onChange={setPhrase} disabled={near === ''} />
        <button type="submit" className="button primary">
          {t('present.presenter.add')}
        </button>
      </form>
      <h3>{t('present.presenter.link')}</h3>
      <form
        className="stacked-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (from && to && from !== to) void call(client.call('sessions.addProposition', { id: sessionId, from, to, phrase: linkPhrase }), () => setLinkPhrase(''));
        }}
      >
        <ConceptField label={t('present.presenter.from')} value={from} onChange={setFrom} show={show} />
        <TextField label={t('present.presenter.phrase')} value={linkPhrase} onChange={setLinkPhrase} />
        <ConceptField label={t('present.presenter.to')} value={to} onChange={setTo} show={show} />
        <button type="submit" className="button">
          {t('present.presenter.linkAdd')}
        </button>
      </form>
    </section>
  );
}
