import { highlightParts } from '@/lib/store/search';

/** Text with the words a search matched marked. Rendered as text nodes only, never as HTML. */
export function Highlighted({ text, tokens }: { text: string; tokens: readonly string[] }) {
  if (tokens.length === 0) return <>{text}</>;
  return (
    <>
      {highlightParts(text, tokens).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}
