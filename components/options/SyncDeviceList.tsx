import type { DeviceSummary } from '@/lib/sync/state';
import { timeAgo } from '@/lib/ui/time-ago';

/** The devices that sync through the folder, this one first. */
export function SyncDeviceList({ devices }: { devices: DeviceSummary[] }) {
  return (
    <>
      <h3 class="sync-devices-title">Devices</h3>
      <ul class="sync-devices">
        {devices.map((device) => (
          <li key={device.id}>
            <span class="sync-device-name">{device.name}</span>
            {device.self ? <span class="badge">this device</span> : <span class="hint">changes sent {timeAgo(Date.parse(device.updatedAt))}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
