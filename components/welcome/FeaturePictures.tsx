import listingDark from '@/assets/welcome/listing-dark.jpg';
import listingLight from '@/assets/welcome/listing-light.jpg';
import keyboardLight from '@/assets/welcome/keyboard-light.jpg';
import queueDark from '@/assets/welcome/queue-dark.jpg';
import queueLight from '@/assets/welcome/queue-light.jpg';
import { t, type MessageKey } from '@/lib/i18n';

/**
 * What Shelfmark does, in three pictures of the extension at work (taken by `npm run screenshots`
 * on the real saved pages, light and dark; arXiv has no dark theme, so its picture is one).
 */
const PICTURES = [
  {
    light: listingLight,
    dark: listingDark,
    title: 'welcomeFeatureMarkTitle',
    text: 'welcomeFeatureMarkText',
    alt: 'welcomeFeatureMarkAlt',
  },
  {
    light: keyboardLight,
    dark: keyboardLight,
    title: 'welcomeFeatureKeysTitle',
    text: 'welcomeFeatureKeysText',
    alt: 'welcomeFeatureKeysAlt',
  },
  {
    light: queueLight,
    dark: queueDark,
    title: 'welcomeFeatureQueueTitle',
    text: 'welcomeFeatureQueueText',
    alt: 'welcomeFeatureQueueAlt',
  },
] as const satisfies readonly { title: MessageKey; text: MessageKey; alt: MessageKey; light: string; dark: string }[];

export function FeaturePictures() {
  return (
    <ol class="welcome-pictures">
      {PICTURES.map((picture) => (
        <li key={picture.title}>
          <figure>
            <picture>
              <source srcSet={picture.dark} media="(prefers-color-scheme: dark)" />
              <img src={picture.light} alt={t(picture.alt)} />
            </picture>
            <figcaption>
              <h2>{t(picture.title)}</h2>
              <p>{t(picture.text)}</p>
            </figcaption>
          </figure>
        </li>
      ))}
    </ol>
  );
}
