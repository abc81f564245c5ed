import { useTranslation } from 'react-i18next';
import { DecisionIcon } from '../../ui/icons.tsx';
import { EmptyState } from '../../ui/StateViews.tsx';

export function DecisionsScreen() {
  const { t } = useTranslation();
  return (
    <EmptyState icon={<DecisionIcon size={40} strokeWidth={1.4} />} title={t('decisions.emptyTitle')}>
      {t('decisions.emptyBody')}
    </EmptyState>
  );
}
