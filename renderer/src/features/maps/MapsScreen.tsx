import { useTranslation } from 'react-i18next';
import { MapIcon } from '../../ui/icons.tsx';
import { EmptyState } from '../../ui/StateViews.tsx';

export function MapsScreen() {
  const { t } = useTranslation();
  return (
    <EmptyState icon={<MapIcon size={40} strokeWidth={1.4} />} title={t('maps.emptyTitle')}>
      {t('maps.emptyBody')}
    </EmptyState>
  );
}
