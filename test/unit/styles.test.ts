import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The stylesheet Shelfmark adds to the host page must only ever match our own elements and
 * attributes, so it cannot change how the site looks. The build minifies these files into
 * strings; the test reads the sources.
 */

const css = (name: string) => readFileSync(resolve(__dirname, '../../lib/content/css', name), 'utf8');

function styleRules(text: string): CSSStyleRule[] {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  const rules = [...style.sheet!.cssRules].filter((rule): rule is CSSStyleRule => 'selectorText' in rule);
  style.remove();
  return rules;
}

/** Splits a selector list on its top-level commas (not those inside :is(...) or :not(...)). */
function selectors(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++;
    else if (list[i] === ')') depth--;
    else if (list[i] === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts;
}

/** The last compound of a selector: what it matches (ancestors only narrow it down). */
function subject(selector: string): string {
  const compounds = selector.split(/\s+(?![^(]*\))/);
  return compounds[compounds.length - 1]!;
}

describe('page stylesheet', () => {
  const rules = styleRules(css('page.css'));

  it('is read as a stylesheet', () => {
    expect(rules.length).toBeGreaterThanOrEqual(5);
  });

  it('matches only Shelfmark\'s own elements and data-shelfmark-* attributes', () => {
    for (const rule of rules) {
      for (const selector of selectors(rule.selectorText)) {
        // Every alternative the subject can match names one of ours.
        const target = subject(selector);
        const alternatives = target.startsWith(':is(') ? selectors(target.slice(4, target.lastIndexOf(')'))) : [target];
        for (const alternative of alternatives) {
          expect(alternative, rule.selectorText).toMatch(/^(shelfmark-[a-z]+|\[data-shelfmark-[a-z]+\])/);
        }
      }
    }
  });

  it('defines the theme for light and for the sites\' dark modes (Hugging Face, arXiv HTML papers, Bootstrap 5)', () => {
    const themed = rules.filter((rule) => rule.style.getPropertyValue('--shelfmark-fg') !== '');
    expect(themed).toHaveLength(2);
    expect(themed[0]!.selectorText).not.toMatch(/dark/);
    for (const mode of ['html.dark', 'html[data-theme="dark"]', 'html[data-bs-theme="dark"]']) expect(themed[1]!.selectorText).toContain(mode);
  });
});

describe('shadow stylesheets', () => {
  it.each(['controls.css', 'dock.css'])('%s resets what the page could pass down to our host', (name) => {
    const host = styleRules(css(name)).find((rule) => rule.selectorText === ':host');
    expect(host?.style.getPropertyValue('all')).toBe('initial');
  });
});
