// /device: export and wipe this tablet at the end of a deployment.
import { useNavigate } from 'react-router';
import { useTranslation } from '../i18n/use-translation';
import { DevicePanel } from '../features/device/device-panel';
import { Screen } from '../ui/screen';

export function DeviceRoute() {
  const { t } = useTranslation('device');
  const navigate = useNavigate();
  return (
    <Screen title={t('title')}>
      <DevicePanel onWiped={() => void navigate('/', { replace: true })} />
    </Screen>
  );
}
