// The block in the editor: its settings in the sidebar, the widget itself on the page (rendered by PHP).
// Plain script on WordPress's globals, so the plugin needs no build step.
(({ blocks, element, blockEditor, components, serverSideRender }) => {
  const h = element.createElement;
  const fields = {
    proxyUrl: 'Proxy URL',
    branch: 'Location id',
    service: 'Service id',
    staff: 'Staff id',
    locale: 'Language (e.g. de-DE)',
  };
  blocks.registerBlockType('booking-flow/booking', {
    edit({ attributes, setAttributes }) {
      const settings = Object.entries(fields).map(([key, label]) =>
        h(components.TextControl, {
          key,
          label,
          value: attributes[key],
          onChange: (value) => setAttributes({ [key]: value }),
        }),
      );
      return h(
        'div',
        blockEditor.useBlockProps(),
        h(blockEditor.InspectorControls, null, h(components.PanelBody, { title: 'Booking' }, settings)),
        h(serverSideRender, { block: 'booking-flow/booking', attributes }),
      );
    },
    save: () => null,
  });
})(window.wp);
