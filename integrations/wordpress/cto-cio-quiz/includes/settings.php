<?php
/**
 * Settings → CTO vs CIO quiz: where sign-ups go, the privacy link and the shared address, for
 * the whole site. Only a user who can manage options (an administrator) sees or saves them; posts
 * cannot set them.
 *
 * @package cto-cio-quiz
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

add_action( 'admin_init', 'cto_cio_quiz_register_settings' );
add_action( 'admin_menu', 'cto_cio_quiz_add_settings_page' );

/**
 * The settings' fields: option key => [ element attribute, label, help ].
 *
 * @return array<string,array{0:string,1:string,2:string}>
 */
function cto_cio_quiz_setting_fields() {
	return array(
		'newsletter_provider' => array( 'newsletter-provider', __( 'Newsletter provider', 'cto-cio-quiz' ), __( 'Buttondown, Mailchimp, Kit, or generic (a form-urlencoded POST whose JSON reply the widget reads).', 'cto-cio-quiz' ) ),
		'newsletter_action'   => array( 'newsletter-action', __( 'Sign-up action URL', 'cto-cio-quiz' ), __( 'The provider\'s form action, e.g. https://buttondown.com/api/emails/embed-subscribe/you. Empty: the call to action shows without a form.', 'cto-cio-quiz' ) ),
		'newsletter_tag'      => array( 'newsletter-tag', __( 'Tag', 'cto-cio-quiz' ), __( 'Sent with each sign-up where the provider takes one.', 'cto-cio-quiz' ) ),
		'privacy_url'         => array( 'privacy-url', __( 'Privacy policy URL', 'cto-cio-quiz' ), __( 'Linked beside the sign-up form.', 'cto-cio-quiz' ) ),
		'share_url'           => array( 'share-url', __( 'Share URL', 'cto-cio-quiz' ), __( 'The address "Share your result" shares. Empty: the page\'s own address.', 'cto-cio-quiz' ) ),
	);
}

/**
 * The providers the widget knows.
 *
 * @return string[]
 */
function cto_cio_quiz_providers() {
	return array( '', 'buttondown', 'mailchimp', 'kit', 'generic' );
}

/**
 * The saved settings as element attributes, empty ones left out.
 *
 * @return array<string,string> Attribute name => value.
 */
function cto_cio_quiz_site_attributes() {
	$saved = get_option( 'cto_cio_quiz_settings', array() );
	$saved = is_array( $saved ) ? $saved : array();
	$out   = array();
	foreach ( cto_cio_quiz_setting_fields() as $key => $field ) {
		if ( isset( $saved[ $key ] ) && '' !== $saved[ $key ] ) {
			$out[ $field[0] ] = (string) $saved[ $key ];
		}
	}
	return $out;
}

/**
 * Registers the option with its sanitizer.
 */
function cto_cio_quiz_register_settings() {
	register_setting(
		'cto_cio_quiz',
		'cto_cio_quiz_settings',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'cto_cio_quiz_sanitize_settings',
			'default'           => array(),
		)
	);
}

/**
 * Keeps only known fields with acceptable values: a known provider, http(s) URLs (or a
 * site-relative path for the privacy link), a one-line tag of at most 100 characters.
 *
 * @param mixed $input The submitted settings.
 * @return array<string,string>
 */
function cto_cio_quiz_sanitize_settings( $input ) {
	$input = is_array( $input ) ? $input : array();
	$get   = function ( $key ) use ( $input ) {
		return isset( $input[ $key ] ) ? trim( (string) wp_unslash( $input[ $key ] ) ) : '';
	};
	$url   = function ( $value, $allow_path ) {
		if ( '' === $value ) {
			return '';
		}
		if ( $allow_path && '/' === substr( $value, 0, 1 ) && '//' !== substr( $value, 0, 2 ) ) {
			return esc_url_raw( $value );
		}
		return esc_url_raw( $value, array( 'http', 'https' ) );
	};
	$provider = strtolower( $get( 'newsletter_provider' ) );
	return array(
		'newsletter_provider' => in_array( $provider, cto_cio_quiz_providers(), true ) ? $provider : '',
		'newsletter_action'   => $url( $get( 'newsletter_action' ), false ),
		'newsletter_tag'      => mb_substr( sanitize_text_field( $get( 'newsletter_tag' ) ), 0, 100 ),
		'privacy_url'         => $url( $get( 'privacy_url' ), true ),
		'share_url'           => $url( $get( 'share_url' ), false ),
	);
}

/**
 * Adds Settings → CTO vs CIO quiz, for administrators.
 */
function cto_cio_quiz_add_settings_page() {
	add_options_page(
		__( 'CTO vs CIO quiz', 'cto-cio-quiz' ),
		__( 'CTO vs CIO quiz', 'cto-cio-quiz' ),
		'manage_options',
		'cto-cio-quiz',
		'cto_cio_quiz_settings_page'
	);
}

/**
 * The settings page.
 */
function cto_cio_quiz_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$saved = get_option( 'cto_cio_quiz_settings', array() );
	$saved = is_array( $saved ) ? $saved : array();
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'CTO vs CIO quiz', 'cto-cio-quiz' ); ?></h1>
		<p><?php esc_html_e( 'These settings apply to every quiz on the site. Posts choose only what the widget shows: [cto_cio_quiz parts="quiz newsletter" questions="10" feedback="instant"], or the CTO vs CIO quiz block.', 'cto-cio-quiz' ); ?></p>
		<form method="post" action="options.php">
			<?php settings_fields( 'cto_cio_quiz' ); ?>
			<table class="form-table" role="presentation">
				<?php foreach ( cto_cio_quiz_setting_fields() as $key => $field ) : ?>
					<?php
					$id    = 'cto-cio-quiz-' . $key;
					$value = isset( $saved[ $key ] ) ? (string) $saved[ $key ] : '';
					?>
					<tr>
						<th scope="row"><label for="<?php echo esc_attr( $id ); ?>"><?php echo esc_html( $field[1] ); ?></label></th>
						<td>
							<?php if ( 'newsletter_provider' === $key ) : ?>
								<select id="<?php echo esc_attr( $id ); ?>" name="cto_cio_quiz_settings[<?php echo esc_attr( $key ); ?>]">
									<?php foreach ( cto_cio_quiz_providers() as $provider ) : ?>
										<option value="<?php echo esc_attr( $provider ); ?>" <?php selected( $value, $provider ); ?>><?php echo esc_html( '' === $provider ? __( '(the widget\'s default)', 'cto-cio-quiz' ) : $provider ); ?></option>
									<?php endforeach; ?>
								</select>
							<?php else : ?>
								<input class="regular-text" type="<?php echo 'newsletter_tag' === $key ? 'text' : 'url'; ?>" id="<?php echo esc_attr( $id ); ?>" name="cto_cio_quiz_settings[<?php echo esc_attr( $key ); ?>]" value="<?php echo esc_attr( $value ); ?>">
							<?php endif; ?>
							<p class="description"><?php echo esc_html( $field[2] ); ?></p>
						</td>
					</tr>
				<?php endforeach; ?>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
