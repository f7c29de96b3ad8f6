<?php
/**
 * The block's server-side rendering: the declared presentation attributes only (WordPress
 * passes undeclared ones through too, so they are picked by name here), then the same checks
 * and escaping as the shortcode.
 *
 * @package cto-cio-quiz
 *
 * @var array $attributes The block's attributes.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$cto_cio_quiz_given = array();
foreach ( array(
	'parts'      => 'parts',
	'questions'  => 'questions',
	'feedback'   => 'feedback',
	'storageKey' => 'storage-key',
) as $cto_cio_quiz_key => $cto_cio_quiz_name ) {
	if ( isset( $attributes[ $cto_cio_quiz_key ] ) && is_string( $attributes[ $cto_cio_quiz_key ] ) && '' !== $attributes[ $cto_cio_quiz_key ] ) {
		$cto_cio_quiz_given[ $cto_cio_quiz_name ] = $attributes[ $cto_cio_quiz_key ];
	}
}
// The element and the article: markup built and escaped by cto_cio_quiz_render().
echo cto_cio_quiz_render( $cto_cio_quiz_given ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
