<?php
// The scripts editor.js uses, so WordPress loads them first.
return [
    'dependencies' => ['wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-server-side-render'],
    'version' => '0.1.0',
];
