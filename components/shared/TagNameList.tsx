import type { TagCount } from '@/lib/store/tags';

/** The library's tag names for a field's completion (`list={id}` on the input): the browser offers those that match what is typed. */
export function TagNameList({ id, tags }: { id: string; tags: readonly TagCount[] | undefined }) {
  return (
    <datalist id={id}>
      {tags?.map((tag) => <option key={tag.key} value={tag.name} />)}
    </datalist>
  );
}
