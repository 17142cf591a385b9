// `npm run analyze` (part of `npm run build`): writes custom-elements.json from the elements' JSDoc.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [stateHasNoAttribute()],
};

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
