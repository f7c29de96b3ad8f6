<?php
/**
 * Removes the plugin's one option when the plugin is deleted.
 *
 * @package cto-cio-quiz
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'cto_cio_quiz_settings' );
