import type { TFunction } from 'i18next';
import type { PrunedSteps } from '../../../../core/api.ts';

/** "Removed “GPU” from 2 step(s) of “Pitch”." — one sentence per presentation that changed. */
export function prunedMessage(pruned: PrunedSteps, t: TFunction): string {
  return pruned
    .map((p) => {
      const labels = [...new Set(p.steps.flatMap((s) => s.removed))].map((l) => `“${l}”`).join(t('present.listSeparator'));
      return t('present.pruned', { labels, count: p.steps.length, title: p.title });
    })
    .join(' ');
}
