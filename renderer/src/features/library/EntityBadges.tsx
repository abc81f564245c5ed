import { KINDS, type EntityKind } from '../../../../core/model/kinds.ts';
import { pick, type Language } from '../../../../core/model/text.ts';

/** The kind, and for a case its outcome, as small coloured labels. */
export function EntityBadges({ kind, attrs, lang }: { kind: EntityKind; attrs: Record<string, string>; lang: Language }) {
  const def = KINDS[kind];
  const outcome = kind === 'case' ? attrs.outcome : undefined;
  const outcomeLabel = def.attributes.find((a) => a.key === 'outcome')?.options.find((o) => o.value === outcome)?.label;
  return (
    <span className="badges">
      <span className="badge">{pick(def.label, lang)}</span>
      {outcome && outcomeLabel && <span className={`badge ${outcome}`}>{pick(outcomeLabel, lang)}</span>}
    </span>
  );
}
