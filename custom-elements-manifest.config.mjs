// `npm run analyze` (part of `npm run build`): writes custom-elements.json from the elements' JSDoc.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [stateHasNoAttribute(), publicMembersOnly(), shippedPaths(), resolvedAliases(), modulesInPathOrder()],
};

/** The analyzer lists modules in the order its reads finish: sorted, the committed file changes only with the code. */
function modulesInPathOrder() {
  return {
    name: 'modules-in-path-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

/**
 * Lit's internal reactive state (`state: true` in `static properties`) never has an attribute, but the analyzer
 * gives every entry of `static properties` one. Our state fields are the non-public ones: drop their attributes.
 */
function stateHasNoAttribute() {
  return {
    name: 'state-has-no-attribute',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          const internal = new Set(
            (declaration.members ?? [])
              .filter((member) => member.privacy && member.privacy !== 'public')
              .map((member) => member.name),
          );
          declaration.attributes = declaration.attributes?.filter((attribute) => !internal.has(attribute.fieldName));
          for (const member of declaration.members ?? []) if (internal.has(member.name)) delete member.attribute;
        }
      }
    },
  };
}

/** What a page can use: public members only (private state, `#private` fields and protected helpers left out). */
function publicMembersOnly() {
  return {
    name: 'public-members-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          declaration.members = declaration.members?.filter(
            (member) => !member.name.startsWith('#') && (member.privacy ?? 'public') === 'public',
          );
        }
      }
    },
  };
}

/** Points every path at the file that ships (dist/npm/….js), not at the TypeScript source, which does not. */
function shippedPaths() {
  const shipped = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/npm/$1.js');
  const rewrite = (value) => {
    if (Array.isArray(value)) value.forEach(rewrite);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if ((key === 'path' || key === 'module') && typeof inner === 'string') value[key] = shipped(inner);
        else rewrite(inner);
      }
    }
  };
  return { name: 'shipped-paths', packageLinkPhase: ({ customElementsManifest }) => rewrite(customElementsManifest) };
}

/**
 * The type aliases of attributes and properties written out, so that editors offer their values: `Theme` is
 * `'light' | 'dark' | 'auto'`, not a name the page cannot look up.
 */
function resolvedAliases() {
  const ALIASES = {
    Theme: "'light' | 'dark' | 'auto'",
    DayName: "'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday'",
    IsoDate: 'string',
  };
  const resolve = (text) => text.replace(/\b(Theme|DayName|IsoDate)\b/g, (name) => ALIASES[name]);
  return {
    name: 'resolved-aliases',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules)
        for (const declaration of module.declarations ?? [])
          for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])])
            if (item.type?.text) item.type.text = resolve(item.type.text);
    },
  };
}
