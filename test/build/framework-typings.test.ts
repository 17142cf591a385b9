import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// Issue 16: the React and Vue typings (src/frameworks) list each element's properties and events by hand; this
// holds those lists against custom-elements.json, so an attribute or event added to an element cannot be missed
// there. test/types/ then checks that the typings work in a React 19 and a Vue 3 app (npm run typecheck).

interface Declaration {
  tagName?: string;
  attributes?: { fieldName?: string }[];
  members?: { name: string; kind: string; static?: boolean; readonly?: boolean; privacy?: string }[];
  events?: { name: string }[];
}
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
  modules: { declarations?: Declaration[] }[];
};
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
const source = readFileSync('src/frameworks/element-props.ts', 'utf8');

/** The quoted names in the entry of `tag` inside `interface name { ... }` of element-props.ts. */
function listed(name: string, tag: string): string[] {
  const body = new RegExp(`interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(source)![1]!;
  const rest = body.slice(body.indexOf(`'${tag}':`) + tag.length + 3);
  const end = rest.search(/\n {2}'[a-z-]+':/);
  return [...(end < 0 ? rest : rest.slice(0, end)).matchAll(/'([a-zA-Z-]+)'/g)].map((m) => m[1]!).sort();
}

/** Elements inside another's shadow root, whose (composed) events a listener on the outer one hears too. */
const INSIDE: Record<string, string[]> = { 'availability-loader': ['hourly-calendar'] };
/** Declared on CatalogStep, which the manifest does not analyse: the selectors' `client`. */
const INHERITED: Record<string, string[]> = {
  'branch-selector': ['client'],
  'service-selector': ['client'],
  'staff-selector': ['client'],
};
const eventsOf = (tag: string) => elements.find((e) => e.tagName === tag)?.events?.map((e) => e.name) ?? [];

describe('React and Vue typings against the manifest (issue 16)', () => {
  for (const el of elements) {
    const tag = el.tagName!;
    it(`<${tag}>: every attribute and public property, every event`, () => {
      const attributes = (el.attributes ?? []).map((a) => a.fieldName!).sort();
      const fields = (el.members ?? [])
        .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public')
        .map((m) => m.name)
        .concat(INHERITED[tag] ?? [])
        .filter((name) => !attributes.includes(name))
        .sort();
      const props = listed('Properties', tag);
      assert.deepEqual(
        props.filter((p) => attributes.includes(p)),
        attributes,
        'attributes',
      );
      assert.deepEqual(
        props.filter((p) => !attributes.includes(p)),
        fields,
        'properties without an attribute',
      );
      const events = [...eventsOf(tag), ...(INSIDE[tag] ?? []).flatMap(eventsOf)].sort();
      if (tag === 'booking-flow') assert.match(source, /'booking-flow': BookingEventName;/);
      else assert.deepEqual(listed('ElementEvents', tag), events, 'events');
    });
  }
});
