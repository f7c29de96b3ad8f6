<?php
/**
 * Plugin Name:       CTO vs CIO quiz
 * Description:       The CTO-vs-CIO explainer, quiz and newsletter call to action: the [cto_cio_quiz] shortcode and the "CTO vs CIO quiz" block, with the whole article in the page's HTML.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       cto-cio-quiz
 *
 * The widget's release files live in assets/ (cargo xtask package copies dist/ there). Posts
 * carry presentation attributes only (parts, questions, feedback, storage-key), so an Author or
 * a Contributor, whose HTML KSES filters, can place the widget; where sign-ups go, the privacy
 * link and the shared address are set once by an administrator under Settings → CTO vs CIO quiz.
 *
 * @package cto-cio-quiz
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'CTO_CIO_QUIZ_VERSION', '0.1.0' );
define( 'CTO_CIO_QUIZ_DIR', __DIR__ );
define( 'CTO_CIO_QUIZ_FILE', __FILE__ );

require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/settings.php';

add_shortcode( 'cto_cio_quiz', 'cto_cio_quiz_shortcode' );
add_action( 'init', 'cto_cio_quiz_register_block' );
add_filter( 'no_texturize_tags', 'cto_cio_quiz_no_texturize' );

/**
 * The [cto_cio_quiz parts="quiz newsletter" questions="10" feedback="instant" storage-key="k"]
 * shortcode.
 *
 * @param array|string $atts The shortcode's attributes (names lower-cased by WordPress).
 * @return string The element with the article, or an empty string when the files are missing.
 */
function cto_cio_quiz_shortcode( $atts ) {
	$atts  = is_array( $atts ) ? $atts : array();
	$given = array();
	foreach ( cto_cio_quiz_presentation_rules() as $name => $rule ) {
		if ( isset( $atts[ $name ] ) ) {
			$given[ $name ] = (string) $atts[ $name ];
		}
	}
	return cto_cio_quiz_render( $given );
}

/**
 * Registers the server-rendered block from block/block.json (its render.php prints the element).
 */
function cto_cio_quiz_register_block() {
	register_block_type( __DIR__ . '/block' );
}

/**
 * Keeps wptexturize away from the element: block output is texturized after rendering, and the
 * article is already typographically right.
 *
 * @param string[] $tags Tags whose content wptexturize leaves alone.
 * @return string[]
 */
function cto_cio_quiz_no_texturize( $tags ) {
	$tags[] = 'cto-cio-quiz';
	return $tags;
}
