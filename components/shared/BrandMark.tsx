import iconUrl from '@/assets/icon.svg';

/** Shelfmark's icon beside the name in the extension pages' headers (decorative: the name is the text beside it). */
export function BrandMark({ size = 20 }: { size?: number }) {
  return <img class="brand-mark" src={iconUrl} width={size} height={size} alt="" />;
}
