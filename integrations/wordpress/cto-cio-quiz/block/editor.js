/**
 * The block in the editor, without a build step: its presentation attributes as block settings
 * in the sidebar, and the server's rendering (the article) as the preview. Nothing is saved into
 * the post but the attributes: the server renders the block on every view.
 */
( function ( wp ) {
	'use strict';
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var PanelBody = wp.components.PanelBody;
	var TextControl = wp.components.TextControl;
	var SelectControl = wp.components.SelectControl;
	var ServerSideRender = wp.serverSideRender;

	wp.blocks.registerBlockType( 'cto-cio-quiz/quiz', {
		edit: function ( props ) {
			var a = props.attributes;
			var set = function ( name ) {
				return function ( value ) {
					var change = {};
					change[ name ] = value;
					props.setAttributes( change );
				};
			};
			return el(
				'div',
				useBlockProps(),
				el(
					InspectorControls,
					null,
					el(
						PanelBody,
						{ title: __( 'Quiz', 'cto-cio-quiz' ) },
						el( TextControl, {
							label: __( 'Parts', 'cto-cio-quiz' ),
							help: __( 'One or more of explainer, quiz and newsletter, separated by spaces. Empty: all three.', 'cto-cio-quiz' ),
							value: a.parts,
							onChange: set( 'parts' ),
						} ),
						el( TextControl, {
							label: __( 'Questions', 'cto-cio-quiz' ),
							help: __( 'How many questions a run asks, or all. Empty: the default.', 'cto-cio-quiz' ),
							value: a.questions,
							onChange: set( 'questions' ),
						} ),
						el( SelectControl, {
							label: __( 'Feedback', 'cto-cio-quiz' ),
							value: a.feedback,
							options: [
								{ label: __( 'Default (after each answer)', 'cto-cio-quiz' ), value: '' },
								{ label: __( 'After each answer', 'cto-cio-quiz' ), value: 'instant' },
								{ label: __( 'At the end', 'cto-cio-quiz' ), value: 'end' },
							],
							onChange: set( 'feedback' ),
						} ),
						el( TextControl, {
							label: __( 'Storage key', 'cto-cio-quiz' ),
							help: __( 'Letters, digits, dot, dash, underscore. Quizzes with the same key share their progress.', 'cto-cio-quiz' ),
							value: a.storageKey,
							onChange: set( 'storageKey' ),
						} )
					)
				),
				el( ServerSideRender, { block: 'cto-cio-quiz/quiz', attributes: a } )
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp );
