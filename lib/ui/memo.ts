import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

/**
 * The component, rendered again only when one of its props changes (compared by identity), as
 * React's memo. Preact's own memo lives in preact/compat, which would also change how events and
 * props behave on every element of the page.
 */
export function memo<P extends object>(component: FunctionComponent<P>): ComponentType<P> {
  return class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const keys = Object.keys(next) as (keyof P)[];
      return keys.length !== Object.keys(this.props).length || keys.some((key) => next[key] !== this.props[key]);
    }

    override render() {
      return h(component, this.props);
    }
  };
}
