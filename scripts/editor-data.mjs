// Editor support made from custom-elements.json (part of `npm run analyze`): VS Code's HTML custom data and
// JetBrains' web-types, each with every element, its attributes (with the value lists of enumerated ones), events,
// CSS properties and parts, so editors complete and document <booking-flow> and its steps.
import { readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** The string literals of a union type such as `'light' | 'dark' | undefined`; none for anything else. */
const literals = (type = '') => [...type.matchAll(/'([^']+)'/g)].map((m) => m[1]);
const isBoolean = (type = '') => /^boolean( \| undefined)?$/.test(type);

const vscode = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tagName,
    description: [el.summary, el.description].filter(Boolean).join('\n\n'),
    attributes: (el.attributes ?? []).map((attr) => ({
      name: attr.name,
      description: attr.description ?? '',
      ...(isBoolean(attr.type?.text) ? { valueSet: 'v' } : {}),
      ...(literals(attr.type?.text).length ? { values: literals(attr.type?.text).map((name) => ({ name })) } : {}),
    })),
  })),
};

const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tagName,
        description: [el.summary, el.description].filter(Boolean).join('\n\n'),
        attributes: (el.attributes ?? []).map((attr) => ({
          name: attr.name,
          description: attr.description ?? '',
          value: isBoolean(attr.type?.text)
            ? { type: 'boolean' }
            : literals(attr.type?.text).length
              ? { type: 'enum', kind: 'plain' }
              : { type: (attr.type?.text ?? 'string').replace(/ \| undefined$/, ''), kind: 'plain' },
          ...(literals(attr.type?.text).length ? { values: literals(attr.type?.text).map((name) => ({ name })) } : {}),
        })),
        events: (el.events ?? []).map((event) => ({ name: event.name, description: event.description ?? '' })),
        css: {
          properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
          parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
  },
};

writeFileSync('vscode.html-custom-data.json', JSON.stringify(vscode, null, 2) + '\n');
writeFileSync('web-types.json', JSON.stringify(webTypes, null, 2) + '\n');
console.log(`editor data: ${elements.length} elements in vscode.html-custom-data.json and web-types.json`);
