import listingDark from '@/assets/welcome/listing-dark.jpg';
import listingLight from '@/assets/welcome/listing-light.jpg';
import keyboardLight from '@/assets/welcome/keyboard-light.jpg';
import queueDark from '@/assets/welcome/queue-dark.jpg';
import queueLight from '@/assets/welcome/queue-light.jpg';

/**
 * What Shelfmark does, in three pictures of the extension at work (taken by `npm run screenshots`
 * on the real saved pages, light and dark; arXiv has no dark theme, so its picture is one).
 */
const PICTURES = [
  {
    light: listingLight,
    dark: listingDark,
    title: 'Mark papers where you find them',
    text: 'Every paper on a listing gets Star, Mark read, Add to queue and Note. Read papers are dimmed, or hidden.',
    alt: 'Hugging Face daily papers with Shelfmark’s buttons under each title: one paper starred and queued, a note being written on another.',
  },
  {
    light: keyboardLight,
    dark: keyboardLight,
    title: 'Triage from the keyboard',
    text: 'On a long arXiv listing, j and k move a cursor from paper to paper; s, r, q and n act on it.',
    alt: 'An arXiv listing with Shelfmark’s buttons on each entry’s id line and the keyboard cursor on one entry.',
  },
  {
    light: queueLight,
    dark: queueDark,
    title: 'Read from your queue',
    text: 'The toolbar button opens your reading queue, in your order, with notes, search and export.',
    alt: 'The Shelfmark popup: the reading queue with its first paper marked “Read next”.',
  },
] as const;

export function FeaturePictures() {
  return (
    <ol class="welcome-pictures">
      {PICTURES.map((picture) => (
        <li key={picture.title}>
          <figure>
            <picture>
              <source srcSet={picture.dark} media="(prefers-color-scheme: dark)" />
              <img src={picture.light} alt={picture.alt} />
            </picture>
            <figcaption>
              <h2>{picture.title}</h2>
              <p>{picture.text}</p>
            </figcaption>
          </figure>
        </li>
      ))}
    </ol>
  );
}
