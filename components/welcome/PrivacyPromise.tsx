import { t, type MessageKey } from '@/lib/i18n';

const POINTS: readonly MessageKey[] = ['welcomePrivacy1', 'welcomePrivacy2', 'welcomePrivacy3', 'welcomePrivacy4'];

export function PrivacyPromise() {
  return (
    <section class="welcome-card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t('welcomePrivacyTitle')}</h2>
      <ul class="welcome-privacy">
        {POINTS.map((point) => (
          <li key={point}>{t(point)}</li>
        ))}
      </ul>
    </section>
  );
}
