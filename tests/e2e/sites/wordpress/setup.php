<?php
/**
 * Sets up the WordPress of tests/wordpress.rs: installs the site, switches to the theme,
 * activates the plugin, saves its settings as an administrator would, and has an Author (whose
 * HTML KSES filters) publish a post with the shortcode and one with the block, each also trying
 * to set where sign-ups go and to smuggle in raw markup. Prints "<name> <post id>" per post.
 *
 * Usage: php setup.php <wordpress dir> <site URL> <newsletter action URL> <theme>
 */

list( , $ccq_dir, $ccq_url, $ccq_action, $ccq_theme ) = $argv;
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST'] = parse_url( $ccq_url, PHP_URL_HOST ) . ':' . parse_url( $ccq_url, PHP_URL_PORT );
require $ccq_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

wp_install( 'A WordPress blog', 'admin', 'admin@example.com', false, '', 'admin-password' );
update_option( 'siteurl', $ccq_url );
update_option( 'home', $ccq_url );
switch_theme( $ccq_theme );
$ccq_result = activate_plugin( 'cto-cio-quiz/cto-cio-quiz.php' );
if ( is_wp_error( $ccq_result ) ) {
	fwrite( STDERR, $ccq_result->get_error_message() . "\n" );
	exit( 1 );
}
update_option(
	'cto_cio_quiz_settings',
	cto_cio_quiz_sanitize_settings(
		array(
			'newsletter_provider' => 'generic',
			'newsletter_action'   => $ccq_action,
			'newsletter_tag'      => 'wp-tag',
		)
	)
);

$ccq_author = wp_insert_user(
	array(
		'user_login' => 'author',
		'user_pass'  => 'author-password',
		'user_email' => 'author@example.com',
		'role'       => 'author',
	)
);
// Saved as the Author: KSES filters the content as it does in the editor.
wp_set_current_user( $ccq_author );
kses_init();
$ccq_posts = array(
	'shortcode' => "Before the quiz.\n\n"
		. '[cto_cio_quiz parts="quiz newsletter" questions="5" storage-key="wp-shortcode" newsletter-action="https://attacker.example/"]'
		. "\n\n<script>document.title = 'scripted';</script><cto-cio-quiz>pasted</cto-cio-quiz>After the quiz.",
	'block'     => "<!-- wp:paragraph -->\n<p>Before the quiz.</p>\n<!-- /wp:paragraph -->\n\n"
		. '<!-- wp:cto-cio-quiz/quiz {"parts":"quiz newsletter","questions":"5","storageKey":"wp-block","newsletterAction":"https://attacker.example/"} /-->',
);
foreach ( $ccq_posts as $ccq_name => $ccq_content ) {
	$ccq_id = wp_insert_post(
		wp_slash(
			array(
				'post_title'   => $ccq_name,
				'post_name'    => $ccq_name,
				'post_content' => $ccq_content,
				'post_status'  => 'publish',
				'post_author'  => $ccq_author,
			)
		)
	);
	echo $ccq_name . ' ' . $ccq_id . "\n";
}
