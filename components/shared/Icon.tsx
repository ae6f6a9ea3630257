/** 24×24 outline icons of the popup (stroke paths; "filled" when the control is on, by CSS). */
const PATHS = {
  star: 'M12 3.5l2.6 5.3 5.9.9-4.25 4.1 1 5.85L12 16.9l-5.25 2.75 1-5.85L3.5 9.7l5.9-.9z',
  read: 'M4.5 12.5l4.5 4.5 10.5-10.5',
  queueAdd: 'M4 6h11M4 12h11M4 18h7M18 14v8M14 18h8',
  top: 'M5 4h14M12 20V8M6.5 13.5L12 8l5.5 5.5',
  note: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  copy: 'M9 9h10v10H9zM5 15V5h10',
  grip: 'M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01',
  search: 'M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM15.5 15.5L20 20',
  close: 'M6 6l12 12M18 6L6 18',
  tag: 'M3.5 12.5V4.5h8l9 9-8 8zM8 8.5h.01',
  trash: 'M4 7h16M9 7V4h6v3M6.5 7l1 13h9l1-13M10 11v6M14 11v6',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg class={`icon icon-${name}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
