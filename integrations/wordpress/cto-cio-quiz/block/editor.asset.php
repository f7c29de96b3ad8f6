<?php
/**
 * The editor script's dependencies (WordPress skips a file: script without this file).
 *
 * @package cto-cio-quiz
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-server-side-render', 'wp-i18n' ),
	'version'      => '0.1.0',
);
