<?php
/**
 * The element, the article and the loader: what the shortcode and the block print.
 *
 * @package cto-cio-quiz
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The presentation attributes and what each may be (the widget checks them again, and logs a
 * console error naming the attribute for a value it refuses).
 *
 * @return array<string,string> Attribute name => PCRE pattern.
 */
function cto_cio_quiz_presentation_rules() {
	return array(
		'parts'       => '/^(explainer|quiz|newsletter)( +(explainer|quiz|newsletter)){0,2}$/i',
		'questions'   => '/^(all|[0-9]{1,3})$/i',
		'feedback'    => '/^(instant|end)$/i',
		'storage-key' => '/^[A-Za-z0-9._-]{1,64}$/',
	);
}

/**
 * The article: the content of the element in the release files' snippet.html (the same
 * light-DOM article, so search engines and feeds get it). Read once per request.
 *
 * @return string The article's HTML, or '' when the release files are missing.
 */
function cto_cio_quiz_article() {
	static $article = null;
	if ( null === $article ) {
		$article = '';
		$file    = CTO_CIO_QUIZ_DIR . '/assets/snippet.html';
		// A local file of the plugin's own: no remote request is involved.
		$snippet = is_readable( $file ) ? file_get_contents( $file ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		if ( is_string( $snippet ) && preg_match( '#<cto-cio-quiz[^>]*>\n?(.*)</cto-cio-quiz>#s', $snippet, $match ) ) {
			$article = $match[1];
		}
	}
	return $article;
}

/**
 * Prints nothing but returns the element for the given presentation attributes, and enqueues
 * the loader for this page. Invalid values are left out (the widget then uses its default); the
 * site's own settings are added from the options only.
 *
 * @param array<string,string> $given Presentation attribute name => value, as written in the post.
 * @return string
 */
function cto_cio_quiz_render( $given ) {
	$article = cto_cio_quiz_article();
	if ( '' === $article ) {
		return current_user_can( 'activate_plugins' )
			? '<!-- cto-cio-quiz: assets/snippet.html is missing; reinstall the plugin from its release zip -->'
			: '';
	}
	$attributes = '';
	foreach ( cto_cio_quiz_presentation_rules() as $name => $rule ) {
		if ( isset( $given[ $name ] ) ) {
			$value = trim( (string) $given[ $name ] );
			if ( 1 === preg_match( $rule, $value ) ) {
				$attributes .= sprintf( ' %s="%s"', $name, esc_attr( $value ) );
			}
		}
	}
	foreach ( cto_cio_quiz_site_attributes() as $name => $value ) {
		$attributes .= sprintf( ' %s="%s"', $name, esc_attr( $value ) );
	}
	cto_cio_quiz_enqueue_loader();
	return '<cto-cio-quiz' . $attributes . ">\n" . $article . "</cto-cio-quiz>\n";
}

/**
 * Enqueues embed.js as a module script, only on pages that print the element. Enqueued while
 * the content renders, it is printed in the footer, which comes after the content in classic
 * and block themes alike.
 */
function cto_cio_quiz_enqueue_loader() {
	$src = plugins_url( 'assets/embed.js', CTO_CIO_QUIZ_FILE );
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		// WordPress 6.5 and later.
		wp_enqueue_script_module( 'cto-cio-quiz', $src, array(), CTO_CIO_QUIZ_VERSION );
		return;
	}
	wp_enqueue_script( 'cto-cio-quiz', $src, array(), CTO_CIO_QUIZ_VERSION, true );
	add_filter( 'script_loader_tag', 'cto_cio_quiz_module_tag', 10, 2 );
}

/**
 * Before WordPress 6.5: makes the loader's script tag a module script. Classic themes without
 * html5 script support print type='text/javascript', so that attribute is replaced, not only
 * added to.
 *
 * @param string $tag    The script tag.
 * @param string $handle Its handle.
 * @return string
 */
function cto_cio_quiz_module_tag( $tag, $handle ) {
	if ( 'cto-cio-quiz' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
	return str_replace( '<script ', '<script type="module" ', $tag );
}
