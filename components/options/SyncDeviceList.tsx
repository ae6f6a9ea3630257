import type { DeviceSummary } from '@/lib/sync/state';
import { timeAgo } from '@/lib/ui/time-ago';
import { t } from '@/lib/i18n';

/** The devices that sync through the folder, this one first. */
export function SyncDeviceList({ devices }: { devices: DeviceSummary[] }) {
  return (
    <>
      <h3 class="sync-devices-title">{t('syncDevices')}</h3>
      <ul class="sync-devices">
        {devices.map((device) => (
          <li key={device.id}>
            <span class="sync-device-name">{device.name}</span>
            {device.self ? <span class="badge">{t('syncThisDevice')}</span> : <span class="hint">{t('syncChangesSent', timeAgo(Date.parse(device.updatedAt)))}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
