<?php
// The few WordPress functions the example plugin calls, as WordPress defines them (simplified), so a test can
// load the plugin, run its init hook, and print what a page with the shortcode and the block would contain.
// Usage: php wordpress-stubs.php <plugin file> <shortcode attributes as JSON> <block attributes as JSON>

define('ABSPATH', __DIR__);
$actions = [];
$shortcodes = [];
$modules = [];
$enqueued = [];
$blocks = [];

function add_action(string $hook, callable $callback): void { $GLOBALS['actions'][$hook][] = $callback; }
function add_shortcode(string $tag, callable $callback): void { $GLOBALS['shortcodes'][$tag] = $callback; }
function plugins_url(string $path, string $file): string { return 'https://site.example/wp-content/plugins/' . basename(dirname($file)) . '/' . $path; }
function wp_register_script_module(string $id, string $src, array $deps = [], $version = false): void { $GLOBALS['modules'][$id] = $src; }
function wp_enqueue_script_module(string $id): void { $GLOBALS['enqueued'][$id] = true; }
function esc_attr(string $text): string { return htmlspecialchars($text, ENT_QUOTES, 'UTF-8'); }
function shortcode_atts(array $pairs, $atts, string $shortcode = ''): array
{
    $out = [];
    foreach ($pairs as $name => $default) {
        $out[$name] = array_key_exists($name, (array) $atts) ? $atts[$name] : $default;
    }
    return $out;
}
function register_block_type(string $path, array $args): void
{
    $metadata = json_decode(file_get_contents($path), true, 512, JSON_THROW_ON_ERROR);
    $GLOBALS['blocks'][$metadata['name']] = ['metadata' => $metadata, 'render' => $args['render_callback']];
}

require $argv[1];
foreach ($actions['init'] as $callback) {
    $callback();
}
$block = $blocks['booking-flow/booking'];
$blockAttributes = json_decode($argv[3], true) + array_map(fn ($a) => $a['default'] ?? '', $block['metadata']['attributes']);
echo json_encode([
    'shortcode' => $shortcodes['booking_flow'](json_decode($argv[2], true)),
    'block' => ($block['render'])($blockAttributes),
    'modules' => $modules,
    'enqueued' => array_keys($enqueued),
], JSON_UNESCAPED_SLASHES);
