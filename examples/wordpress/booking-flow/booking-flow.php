<?php
/**
 * Plugin Name: Booking Flow
 * Description: Cal.com booking on your pages: the [booking_flow] shortcode and the "Booking" block.
 * Version: 0.1.0
 * Requires at least: 6.5
 * Requires PHP: 8.0
 * License: MIT
 *
 * Copy dist/booking-flow.js, dist/change-stream.js, dist/summary-extras.js and dist/locales/ from the
 * booking-flow npm package into assets/ beside this file: the bundle loads the other files from beside itself.
 */

if (!defined('ABSPATH')) {
    exit;
}

/** The element's attributes a site owner may set, with their defaults ('' prints nothing). */
const BOOKING_FLOW_ATTRIBUTES = [
    'proxy-url' => '/booking-api',
    'branch' => '',
    'service' => '',
    'staff' => '',
    'locale' => '',
    'time-zone' => '',
    'theme' => 'auto',
    'week-starts-on' => '',
    'hour-cycle' => '',
];

/** Prints one <booking-flow> and enqueues its module (once per page, however many widgets it has). */
function booking_flow_render(array $atts): string
{
    $atts = shortcode_atts(BOOKING_FLOW_ATTRIBUTES, $atts, 'booking_flow');
    wp_enqueue_script_module('booking-flow');
    if (str_starts_with((string) $atts['locale'], 'de')) {
        wp_enqueue_script_module('booking-flow-de');
    }
    $html = '<booking-flow';
    foreach ($atts as $name => $value) {
        if ($value !== '') {
            $html .= sprintf(' %s="%s"', $name, esc_attr($value));
        }
    }
    return $html . '></booking-flow>';
}

/** The block stores camelCase attributes (proxyUrl); the element reads kebab-case (proxy-url). */
function booking_flow_render_block(array $attributes): string
{
    $atts = [];
    foreach ($attributes as $name => $value) {
        $atts[strtolower(preg_replace('/[A-Z]/', '-$0', $name))] = $value;
    }
    return booking_flow_render($atts);
}

add_action('init', function (): void {
    $assets = plugins_url('assets/', __FILE__);
    wp_register_script_module('booking-flow', $assets . 'booking-flow.js', [], '0.1.0');
    wp_register_script_module('booking-flow-de', $assets . 'locales/de.js', [], '0.1.0');
    add_shortcode('booking_flow', 'booking_flow_render');
    register_block_type(__DIR__ . '/block.json', ['render_callback' => 'booking_flow_render_block']);
});
