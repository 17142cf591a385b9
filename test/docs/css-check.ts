import type { Page } from 'playwright-core';

/**
 * What a CSS block of the docs fails to do on the page: a selector that matches nothing, a `::part()` no element
 * exposes, a declaration on a part that does not apply, a `--booking-*` token that is not public (`tokens`) or
 * that no element inside the widget shows (its value, resolved on the page, found on no element's computed style).
 */
export function cssProblems(page: Page, css: string, tokens: string[]): Promise<string[]> {
  return page.evaluate(
    ({ css, tokens }) => {
      const problems: string[] = [];
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      const deep = (root: Element): Element[] =>
        [...(root.shadowRoot?.querySelectorAll('*') ?? [])].flatMap((el) => [el, ...deep(el)]);
      const resolved = (host: Element, property: string, value: string) => {
        const probe = host.appendChild(document.createElement('span'));
        probe.style.setProperty(property, value);
        const computed = getComputedStyle(probe).getPropertyValue(property);
        probe.remove();
        return computed;
      };
      // Where a token of each kind shows: the computed properties to look in.
      const shownIn = (token: string) =>
        token.includes('color')
          ? ['color', 'background-color', 'border-top-color', 'outline-color']
          : token.includes('radius')
            ? ['border-top-left-radius', 'border-bottom-right-radius']
            : token.includes('font-family')
              ? ['font-family']
              : [];
      for (const rule of sheet.cssRules) {
        if (!(rule instanceof CSSStyleRule)) continue;
        const [base, parts] = rule.selectorText.split(/::part\((.+)\)$/);
        const hosts = [...document.querySelectorAll(base!)];
        if (!hosts.length) problems.push(`${rule.selectorText}: matches nothing`);
        for (const host of hosts) {
          if (parts) {
            const named = [...(host.shadowRoot?.querySelectorAll('[part]') ?? [])].filter((el) =>
              parts.split(' ').every((name) => el.part.contains(name)),
            );
            if (!named.length) problems.push(`${rule.selectorText}: no such part`);
            for (const el of named)
              for (const property of rule.style) {
                const want = resolved(host, property, rule.style.getPropertyValue(property));
                const got = getComputedStyle(el).getPropertyValue(property);
                if (got !== want) problems.push(`${rule.selectorText} ${property}: ${got}, not ${want}`);
              }
            continue;
          }
          const inside = deep(host.localName.includes('-') ? host : (host.querySelector('booking-flow') ?? host));
          for (const property of rule.style) {
            if (!property.startsWith('--booking-')) continue;
            if (!tokens.includes(property)) problems.push(`${property}: not a public token`);
            const looks = shownIn(property);
            const value = rule.style.getPropertyValue(property);
            const want = looks.map((look) => resolved(host, look, value));
            const shows = inside.some((el) => looks.some((look, i) => getComputedStyle(el).getPropertyValue(look) === want[i]));
            if (looks.length && !shows) problems.push(`${property}: ${value} (${want.join()}) shows nowhere in the widget`);
          }
        }
      }
      return problems;
    },
    { css, tokens },
  );
}
