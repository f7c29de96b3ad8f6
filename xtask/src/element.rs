//! What `<cto-cio-quiz>` offers a page, described once for the npm package: its attributes,
//! events (with their `detail`), CSS custom properties and slot. `cargo xtask package` writes the
//! Custom Elements Manifest, the TypeScript declaration and the package README's tables from it.
//!
//! The names, defaults and detail fields cannot drift from the widget: [`check`] compares them with
//! the sources that define them (the attribute list and defaults in `src/config.rs`, the events in
//! `src/web/events.rs`, the custom properties `style/widget.css` reads) and fails naming the
//! difference; `package` runs it before writing anything, and a unit test runs it on every
//! `cargo xtask test`. Only the prose (descriptions) is written here.

use serde::Serialize;

/// The element's tag.
pub const TAG: &str = "cto-cio-quiz";

/// One attribute.
pub struct Attribute {
    pub name: &'static str,
    /// The value's TypeScript type (attribute values are strings).
    pub ts: &'static str,
    /// The default, as the attribute's text; `None`: absent by default.
    pub default: Option<&'static str>,
    pub description: &'static str,
}

/// One field of an event's `detail`.
pub struct Field {
    pub name: &'static str,
    /// `number`, `string`, `boolean` or a union of string literals.
    pub ts: &'static str,
    pub description: &'static str,
}

/// One event.
pub struct Event {
    pub name: &'static str,
    /// The `detail` interface's name in the declaration.
    pub detail_type: &'static str,
    pub fields: &'static [Field],
    pub description: &'static str,
}

/// One CSS custom property the widget reads from the element.
pub struct CssProperty {
    pub name: &'static str,
    pub syntax: &'static str,
    pub description: &'static str,
}

/// The attributes, in `src/config.rs` ATTRIBUTES order.
pub const ATTRIBUTES: &[Attribute] = &[
    Attribute {
        name: "storage-key",
        ts: "string",
        default: Some("cto-cio-quiz"),
        description: "Namespace of everything the widget saves in localStorage (1-64 of A-Z a-z 0-9 . _ -). Give each widget on a page its own.",
    },
    Attribute {
        name: "parts",
        ts: "string",
        default: Some("explainer quiz newsletter"),
        description: "The parts to show, separated by spaces, in any order (explainer, quiz, newsletter); they always appear in the article's order.",
    },
    Attribute {
        name: "questions",
        ts: "`${number}` | \"all\"",
        default: Some("10"),
        description: "How many questions an attempt asks: a whole number from 5 to the bank's size, or all.",
    },
    Attribute {
        name: "feedback",
        ts: "\"instant\" | \"end\"",
        default: Some("instant"),
        description: "instant: right or wrong and the explanation after each answer; end: answers are reviewed on the results page.",
    },
    Attribute {
        name: "newsletter-action",
        ts: "string",
        default: None,
        description: "Your newsletter provider's form POST URL (https:, or http: for localhost). Without it the call to action says sign-up is not connected yet.",
    },
    Attribute {
        name: "newsletter-provider",
        ts: "\"buttondown\" | \"mailchimp\" | \"kit\" | \"generic\"",
        default: Some("generic"),
        description: "Which provider newsletter-action belongs to: decides the form's field names.",
    },
    Attribute {
        name: "newsletter-tag",
        ts: "string",
        default: None,
        description: "A tag sent where the provider takes one (Buttondown, generic); {tier} in it becomes the reader's latest result tier id.",
    },
    Attribute {
        name: "privacy-url",
        ts: "string",
        default: None,
        description: "A link to your privacy policy (an http(s) URL or a path starting with /), shown beside the consent line.",
    },
    Attribute {
        name: "share-url",
        ts: "string",
        default: None,
        description: "The address Share offers instead of the page's own: an absolute http(s) URL.",
    },
];

const SCORE: Field = Field {
    name: "score",
    ts: "number",
    description: "Questions answered right.",
};
const TOTAL: Field = Field {
    name: "total",
    ts: "number",
    description: "Questions asked.",
};
const TIER: Field = Field {
    name: "tier",
    ts: "string",
    description: "The result tier's id, e.g. race-strategist.",
};

/// The events, in `src/web/events.rs` order. All bubble and are composed.
pub const EVENTS: &[Event] = &[
    Event {
        name: "cto-cio-quiz:start",
        detail_type: "CtoCioQuizStartDetail",
        fields: &[],
        description: "The reader started the quiz, or retook it.",
    },
    Event {
        name: "cto-cio-quiz:answer",
        detail_type: "CtoCioQuizAnswerDetail",
        fields: &[
            Field {
                name: "questionId",
                ts: "string",
                description: "The question's id in the bank.",
            },
            Field {
                name: "correct",
                ts: "boolean",
                description: "Whether the answer was right.",
            },
        ],
        description: "The reader checked an answer.",
    },
    Event {
        name: "cto-cio-quiz:complete",
        detail_type: "CtoCioQuizCompleteDetail",
        fields: &[SCORE, TOTAL, TIER],
        description: "The reader finished the quiz.",
    },
    Event {
        name: "cto-cio-quiz:share",
        detail_type: "CtoCioQuizShareDetail",
        fields: &[
            Field {
                name: "method",
                ts: "\"share\" | \"clipboard\" | \"manual\"",
                description:
                    "share: the share sheet; clipboard: copied; manual: shown in a field to copy.",
            },
            SCORE,
            TOTAL,
            TIER,
        ],
        description: "The reader shared their result (not sent when the share sheet is closed).",
    },
];

/// The custom properties the widget reads from the element (set them on `cto-cio-quiz`).
pub const CSS_PROPERTIES: &[CssProperty] = &[
    CssProperty {
        name: "--ccq-font-family",
        syntax: "*",
        description: "The widget's font.",
    },
    CssProperty {
        name: "--ccq-font-size",
        syntax: "<length>",
        description: "The widget's base font size.",
    },
    CssProperty {
        name: "--ccq-background",
        syntax: "<color>",
        description: "Background.",
    },
    CssProperty {
        name: "--ccq-text",
        syntax: "<color>",
        description: "Text.",
    },
    CssProperty {
        name: "--ccq-muted",
        syntax: "<color>",
        description: "Secondary text.",
    },
    CssProperty {
        name: "--ccq-border",
        syntax: "<color>",
        description: "Borders and rules.",
    },
    CssProperty {
        name: "--ccq-surface",
        syntax: "<color>",
        description: "Cards and panels.",
    },
    CssProperty {
        name: "--ccq-accent",
        syntax: "<color>",
        description: "Buttons, links and the focus ring.",
    },
    CssProperty {
        name: "--ccq-accent-text",
        syntax: "<color>",
        description: "Text on the accent colour.",
    },
    CssProperty {
        name: "--ccq-cto",
        syntax: "<color>",
        description: "The CTO side of each comparison.",
    },
    CssProperty {
        name: "--ccq-cio",
        syntax: "<color>",
        description: "The CIO side of each comparison.",
    },
    CssProperty {
        name: "--ccq-radius",
        syntax: "<length>",
        description: "Corner radius.",
    },
];

/// The element's one (default) slot: its own children.
pub const SLOT_DESCRIPTION: &str = "The fallback: the element's own children (the article as \
    snippet.html has it) show until the widget is ready, and stay wherever it cannot run.";

/// The element, in a sentence.
pub const DESCRIPTION: &str = "A CTO-vs-CIO explainer, scored quiz and newsletter call to \
    action, rendered in its own shadow root; loads its WebAssembly when it nears the viewport.";

/// The sources [`check`] compares the description with.
pub struct Sources<'a> {
    /// `src/config.rs`.
    pub config: &'a str,
    /// `src/web/events.rs`.
    pub events: &'a str,
    /// `style/widget.css`.
    pub widget_css: &'a str,
}

/// Every difference between the description and the sources, one line each (empty: none).
pub fn check(sources: &Sources) -> Vec<String> {
    let mut problems = Vec::new();
    // Attributes: the names in order, and the defaults the config spells.
    match string_array(sources.config, "pub const ATTRIBUTES: &[&str] = &[") {
        Some(names) => {
            let ours: Vec<&str> = ATTRIBUTES.iter().map(|a| a.name).collect();
            if names != ours {
                problems.push(format!(
                    "src/config.rs ATTRIBUTES are {names:?}, xtask/src/element.rs describes {ours:?}"
                ));
            }
        }
        None => problems.push("src/config.rs has no `pub const ATTRIBUTES: &[&str] = &[…]`".into()),
    }
    let consts = [
        ("storage-key", "DEFAULT_STORAGE_KEY", "{}"),
        ("questions", "QUESTIONS_FALLBACK", "using {}"),
        ("feedback", "FEEDBACK_FALLBACK", "using \\\"{}\\\""),
        (
            "newsletter-provider",
            "PROVIDER_FALLBACK",
            "using \\\"{}\\\"",
        ),
    ];
    for (attribute, name, form) in consts {
        let default = ATTRIBUTES
            .iter()
            .find(|a| a.name == attribute)
            .and_then(|a| a.default)
            .unwrap_or_default();
        let expected = form.replace("{}", default);
        match const_str(sources.config, name) {
            Some(value) if value == expected => {}
            other => problems.push(format!(
                "src/config.rs {name} is {other:?}: the described default of {attribute} is {default:?}"
            )),
        }
    }
    for (attribute, rule) in [
        ("feedback", "FEEDBACK_RULE"),
        ("newsletter-provider", "PROVIDER_RULE"),
        ("parts", "PARTS_RULE"),
    ] {
        let Some(text) = const_str(sources.config, rule) else {
            problems.push(format!("src/config.rs has no {rule}"));
            continue;
        };
        let described = ATTRIBUTES
            .iter()
            .find(|a| a.name == attribute)
            .map(|a| a.ts.to_string() + " " + a.default.unwrap_or_default())
            .unwrap_or_default();
        for word in words(&text) {
            if !described.contains(word) {
                problems.push(format!(
                    "{attribute}: src/config.rs {rule} allows {word}, which the description lacks"
                ));
            }
        }
    }
    // Events: the names, and each detail's fields with their JS types.
    let found = events(sources.events);
    let ours: Vec<(String, Vec<(String, String)>)> = EVENTS
        .iter()
        .map(|e| {
            let fields = e
                .fields
                .iter()
                .map(|f| {
                    let ts = if f.ts.starts_with('"') {
                        "string"
                    } else {
                        f.ts
                    };
                    (f.name.to_string(), ts.to_string())
                })
                .collect();
            (e.name.to_string(), fields)
        })
        .collect();
    if found != ours {
        problems.push(format!(
            "src/web/events.rs sends {found:?}, xtask/src/element.rs describes {ours:?}"
        ));
    }
    for event in EVENTS {
        for field in event.fields.iter().filter(|f| f.ts.starts_with('"')) {
            for value in field.ts.split(" | ").map(|v| v.trim_matches('"')) {
                if !sources.events.contains(&format!("`{value}`")) {
                    problems.push(format!(
                        "{}: {} value {value} is not in src/web/events.rs's doc",
                        event.name, field.name
                    ));
                }
            }
        }
    }
    // CSS custom properties: those widget.css reads with a fallback.
    let read = css_inputs(sources.widget_css);
    let mut ours: Vec<&str> = CSS_PROPERTIES.iter().map(|p| p.name).collect();
    ours.sort_unstable();
    let mut read_names: Vec<&str> = read.iter().map(|(n, _)| n.as_str()).collect();
    read_names.sort_unstable();
    read_names.dedup();
    if read_names != ours {
        problems.push(format!(
            "style/widget.css reads {read_names:?}, xtask/src/element.rs describes {ours:?}"
        ));
    }
    problems
}

/// The string literals of `start … ];` in `source`.
fn string_array(source: &str, start: &str) -> Option<Vec<String>> {
    let at = source.find(start)? + start.len();
    let end = source[at..].find("];")? + at;
    Some(
        source[at..end]
            .split(',')
            .map(|s| s.trim().trim_matches('"').to_string())
            .filter(|s| !s.is_empty())
            .collect(),
    )
}

/// The literal of `const NAME: &str = "…";` (escapes kept as written).
fn const_str(source: &str, name: &str) -> Option<String> {
    let decl = format!("const {name}: &str = \"");
    let at = source.find(&decl)? + decl.len();
    let end = source[at..].find("\";")? + at;
    Some(source[at..end].to_string())
}

/// The option words of a rule text: `use buttondown, mailchimp, kit or generic` → the four
/// names (`use`, `or`, `and` and the like are not options).
fn words(rule: &str) -> Vec<&str> {
    const PROSE: [&str; 9] = [
        "use",
        "or",
        "and",
        "one",
        "more",
        "of",
        "separated",
        "by",
        "spaces",
    ];
    rule.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !PROSE.contains(w))
        .collect()
}

/// The events `src/web/events.rs` sends: each name, and its detail's `(key, JS type)` pairs.
fn events(source: &str) -> Vec<(String, Vec<(String, String)>)> {
    // `HostEvent::Start => "cto-cio-quiz:start",` lines of `fn name`.
    let mut names: Vec<(String, String)> = Vec::new();
    for line in source.lines() {
        let line = line.trim();
        let Some(rest) = line.strip_prefix("HostEvent::") else {
            continue;
        };
        let Some((variant, after)) = rest.split_once("=>") else {
            continue;
        };
        let after = after.trim().trim_end_matches(',');
        if let Some(name) = after.strip_prefix('"').and_then(|a| a.strip_suffix('"')) {
            let variant = variant.split_whitespace().next().unwrap_or_default();
            names.push((variant.to_string(), name.to_string()));
        }
    }
    // `fn detail`: each variant's arm and the `set("key", JsValue::from_TYPE(…))` calls in it.
    let body = source
        .find("fn detail")
        .map(|at| &source[at..])
        .unwrap_or_default();
    let mut fields: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for arm in body.split("HostEvent::").skip(1) {
        let variant: String = arm
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let mut set = Vec::new();
        for call in arm.split("set(\"").skip(1) {
            let Some((key, rest)) = call.split_once('"') else {
                continue;
            };
            let ts = if rest.trim_start().starts_with(", JsValue::from_f64") {
                "number"
            } else if rest.trim_start().starts_with(", JsValue::from_str") {
                "string"
            } else if rest.trim_start().starts_with(", JsValue::from_bool") {
                "boolean"
            } else {
                "unknown"
            };
            set.push((key.to_string(), ts.to_string()));
        }
        fields.push((variant, set));
    }
    names
        .into_iter()
        .map(|(variant, name)| {
            let set = fields
                .iter()
                .find(|(v, _)| *v == variant)
                .map(|(_, f)| f.clone())
                .unwrap_or_default();
            (name, set)
        })
        .collect()
}

/// The custom properties `css` reads with a fallback (`var(--ccq-accent, #0a58ca)`), each with
/// its first fallback (the light scheme's), in order of appearance.
pub fn css_inputs(css: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for part in css.split("var(").skip(1) {
        let Some((name, rest)) = part.split_once(',') else {
            continue;
        };
        let name = name.trim();
        if !name.starts_with("--ccq-") || name.contains(')') {
            continue;
        }
        let mut depth = 0usize;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => {
                    end = i;
                    break;
                }
                ')' => depth -= 1,
                _ => {}
            }
        }
        if !out.iter().any(|(n, _)| n == name) {
            out.push((name.to_string(), rest[..end].trim().to_string()));
        }
    }
    out
}

/// A JSON map that keeps its keys in the order given.
#[derive(Clone)]
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<T: Serialize> Serialize for Ordered<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Manifest {
    #[serde(rename = "schemaVersion")]
    schema_version: &'static str,
    readme: &'static str,
    modules: Vec<Module>,
}

#[derive(Serialize)]
struct Module {
    kind: &'static str,
    path: &'static str,
    declarations: Vec<Declaration>,
    exports: Vec<Export>,
}

#[derive(Serialize)]
struct Declaration {
    kind: &'static str,
    name: &'static str,
    description: &'static str,
    #[serde(rename = "tagName")]
    tag_name: &'static str,
    #[serde(rename = "customElement")]
    custom_element: bool,
    attributes: Vec<ManifestAttribute>,
    events: Vec<ManifestEvent>,
    #[serde(rename = "cssProperties")]
    css_properties: Vec<ManifestCssProperty>,
    #[serde(rename = "cssParts")]
    css_parts: Vec<()>,
    slots: Vec<Named>,
}

#[derive(Serialize)]
struct TypeText {
    text: String,
}

#[derive(Serialize)]
struct ManifestAttribute {
    name: &'static str,
    #[serde(rename = "type")]
    type_: TypeText,
    #[serde(skip_serializing_if = "Option::is_none")]
    default: Option<String>,
    description: &'static str,
}

#[derive(Serialize)]
struct ManifestEvent {
    name: &'static str,
    #[serde(rename = "type")]
    type_: TypeText,
    description: String,
}

#[derive(Serialize)]
struct ManifestCssProperty {
    name: &'static str,
    syntax: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    default: Option<String>,
    description: &'static str,
}

#[derive(Serialize)]
struct Named {
    name: &'static str,
    description: &'static str,
}

#[derive(Serialize)]
struct Export {
    kind: &'static str,
    name: &'static str,
    declaration: Reference,
}

#[derive(Serialize)]
struct Reference {
    name: &'static str,
    module: &'static str,
}

/// The class name the loader defines the element with.
const CLASS: &str = "CtoCioQuiz";
/// The loader's path in the package.
pub const LOADER_PATH: &str = "embed.js";

/// `custom-elements.json` (Custom Elements Manifest, schema 2.1.0). `widget_css` gives the
/// custom properties' defaults.
pub fn manifest(widget_css: &str) -> Result<String, String> {
    let defaults = css_inputs(widget_css);
    let declaration = Declaration {
        kind: "class",
        name: CLASS,
        description: DESCRIPTION,
        tag_name: TAG,
        custom_element: true,
        attributes: ATTRIBUTES
            .iter()
            .map(|a| ManifestAttribute {
                name: a.name,
                type_: TypeText {
                    text: a.ts.to_string(),
                },
                default: a.default.map(|d| format!("\"{d}\"")),
                description: a.description,
            })
            .collect(),
        events: EVENTS
            .iter()
            .map(|e| ManifestEvent {
                name: e.name,
                type_: TypeText {
                    text: format!("CustomEvent<{}>", detail_literal(e)),
                },
                description: format!("{} Bubbles and is composed.", e.description),
            })
            .collect(),
        css_properties: CSS_PROPERTIES
            .iter()
            .map(|p| ManifestCssProperty {
                name: p.name,
                syntax: p.syntax,
                default: defaults
                    .iter()
                    .find(|(n, _)| n == p.name)
                    .map(|(_, d)| d.clone()),
                description: p.description,
            })
            .collect(),
        css_parts: Vec::new(),
        slots: vec![Named {
            name: "",
            description: SLOT_DESCRIPTION,
        }],
    };
    let manifest = Manifest {
        schema_version: "2.1.0",
        readme: "README.md",
        modules: vec![Module {
            kind: "javascript-module",
            path: LOADER_PATH,
            declarations: vec![declaration],
            exports: vec![Export {
                kind: "custom-element-definition",
                name: TAG,
                declaration: Reference {
                    name: CLASS,
                    module: LOADER_PATH,
                },
            }],
        }],
    };
    serde_json::to_string_pretty(&manifest)
        .map(|json| json + "\n")
        .map_err(|e| format!("custom-elements.json: {e}"))
}

/// `{ score: number; total: number; tier: string }`, or `{}`.
fn detail_literal(event: &Event) -> String {
    if event.fields.is_empty() {
        return "{}".into();
    }
    let fields: Vec<String> = event
        .fields
        .iter()
        .map(|f| format!("{}: {}", f.name, f.ts))
        .collect();
    format!("{{ {} }}", fields.join("; "))
}

/// The TypeScript declaration of the loader (`embed.d.ts`): the element in
/// `HTMLElementTagNameMap`, its attributes, and its events with their `detail` types in the
/// element's, the document's and the window's event maps (the events bubble and are composed).
pub fn declaration() -> String {
    let mut out = String::from(
        "// Types of <cto-cio-quiz>: `import \"cto-cio-quiz\"` defines the element and brings these in.\n\
         // Written by `cargo xtask package` from the widget's sources; do not edit.\n\n",
    );
    out.push_str("/** The element's attributes (all optional; values are strings). */\n");
    out.push_str("export interface CtoCioQuizAttributes {\n");
    for a in ATTRIBUTES {
        let default = match a.default {
            Some(d) => format!(" Default: `{d}`."),
            None => String::new(),
        };
        out.push_str(&format!(
            "  /** {}{default} */\n  \"{}\"?: {};\n",
            a.description, a.name, a.ts
        ));
    }
    out.push_str("}\n\n");
    for e in EVENTS {
        out.push_str(&format!(
            "/** `detail` of `{}`: {} */\nexport interface {} {{\n",
            e.name, e.description, e.detail_type
        ));
        for f in e.fields {
            out.push_str(&format!(
                "  /** {} */\n  {}: {};\n",
                f.description, f.name, f.ts
            ));
        }
        out.push_str("}\n\n");
    }
    out.push_str(
        "/** The element's events; each bubbles and is composed, so a listener on any ancestor, \
         the document or the window hears it. */\nexport interface CtoCioQuizEventMap {\n",
    );
    for e in EVENTS {
        out.push_str(&format!(
            "  \"{}\": CustomEvent<{}>;\n",
            e.name, e.detail_type
        ));
    }
    out.push_str("}\n\n");
    out.push_str(&format!("/** `<{TAG}>`: {DESCRIPTION} */\n"));
    out.push_str(
        "export interface CtoCioQuizElement extends HTMLElement {\n\
         \x20 addEventListener<K extends keyof CtoCioQuizEventMap>(type: K, listener: (this: CtoCioQuizElement, ev: CtoCioQuizEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;\n\
         \x20 addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: CtoCioQuizElement, ev: HTMLElementEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;\n\
         \x20 addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;\n\
         \x20 removeEventListener<K extends keyof CtoCioQuizEventMap>(type: K, listener: (this: CtoCioQuizElement, ev: CtoCioQuizEventMap[K]) => any, options?: boolean | EventListenerOptions): void;\n\
         \x20 removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: CtoCioQuizElement, ev: HTMLElementEventMap[K]) => any, options?: boolean | EventListenerOptions): void;\n\
         \x20 removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;\n\
         }\n\n",
    );
    out.push_str(&format!(
        "declare global {{\n\
         \x20 interface HTMLElementTagNameMap {{\n    \"{TAG}\": CtoCioQuizElement;\n  }}\n\
         \x20 interface DocumentEventMap extends CtoCioQuizEventMap {{}}\n\
         \x20 interface WindowEventMap extends CtoCioQuizEventMap {{}}\n\
         }}\n\nexport {{}};\n"
    ));
    out
}

/// The package README's reference tables: attributes, events, CSS custom properties.
pub fn readme_tables(widget_css: &str) -> String {
    let defaults = css_inputs(widget_css);
    let mut out =
        String::from("### Attributes\n\n| attribute | default | meaning |\n|---|---|---|\n");
    for a in ATTRIBUTES {
        let default = a.default.map_or("none".to_string(), |d| format!("`{d}`"));
        out.push_str(&format!(
            "| `{}` | {default} | {} |\n",
            a.name,
            a.description.replace('|', "\\|")
        ));
    }
    out.push_str(
        "\n### Events\n\nThey bubble and are composed: listen on the element, the document or the \
         window.\n\n| event | `detail` | when |\n|---|---|---|\n",
    );
    for e in EVENTS {
        out.push_str(&format!(
            "| `{}` | `{}` | {} |\n",
            e.name,
            detail_literal(e).replace('|', "\\|"),
            e.description
        ));
    }
    out.push_str(
        "\n### CSS custom properties\n\nSet them on the element; nothing else of the page's CSS \
         reaches inside.\n\n| property | default | meaning |\n|---|---|---|\n",
    );
    for p in CSS_PROPERTIES {
        let default = defaults
            .iter()
            .find(|(n, _)| n == p.name)
            .map_or(String::new(), |(_, d)| format!("`{d}`"));
        out.push_str(&format!(
            "| `{}` | {default} | {} |\n",
            p.name, p.description
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Sources<'static> {
        Sources {
            config: include_str!("../../src/config.rs"),
            events: include_str!("../../src/web/events.rs"),
            widget_css: include_str!("../../style/widget.css"),
        }
    }

    #[test]
    fn the_description_agrees_with_the_widget_s_sources() {
        let problems = check(&sources());
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn a_renamed_attribute_or_a_new_detail_field_is_caught() {
        let config = sources()
            .config
            .replace("\"share-url\",", "\"share-link\",");
        let events = sources().events.replace("set(\"tier\"", "set(\"level\"");
        let problems = check(&Sources {
            config: &config,
            events: &events,
            widget_css: sources().widget_css,
        });
        assert!(
            problems.iter().any(|p| p.contains("share-link")),
            "{problems:#?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("level")),
            "{problems:#?}"
        );
    }

    #[test]
    fn events_are_read_from_the_source() {
        let found = events(sources().events);
        let complete = found
            .iter()
            .find(|(n, _)| n == "cto-cio-quiz:complete")
            .map(|(_, f)| f.clone());
        assert_eq!(
            complete,
            Some(vec![
                ("score".to_string(), "number".to_string()),
                ("total".to_string(), "number".to_string()),
                ("tier".to_string(), "string".to_string()),
            ])
        );
    }

    #[test]
    fn css_defaults_are_the_light_scheme_s() {
        let inputs = css_inputs(sources().widget_css);
        let accent = inputs.iter().find(|(n, _)| n == "--ccq-accent");
        assert_eq!(accent.map(|(_, d)| d.as_str()), Some("#0a58ca"));
        let font = inputs.iter().find(|(n, _)| n == "--ccq-font-family");
        assert!(
            font.is_some_and(|(_, d)| d.contains("system-ui")),
            "{font:?}"
        );
    }

    #[test]
    fn the_declaration_maps_the_tag_and_the_events() {
        let d = declaration();
        assert!(d.contains("\"cto-cio-quiz\": CtoCioQuizElement;"), "{d}");
        assert!(
            d.contains("\"cto-cio-quiz:complete\": CustomEvent<CtoCioQuizCompleteDetail>;"),
            "{d}"
        );
        assert!(d.contains("interface DocumentEventMap extends CtoCioQuizEventMap {}"));
        assert!(d.contains("  score: number;"), "{d}");
    }

    #[test]
    fn the_manifest_lists_every_attribute_event_and_property() {
        let json = manifest(sources().widget_css).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let element = &value["modules"][0]["declarations"][0];
        assert_eq!(element["tagName"], "cto-cio-quiz");
        assert_eq!(
            element["attributes"].as_array().map(Vec::len),
            Some(ATTRIBUTES.len())
        );
        assert_eq!(element["attributes"][0]["default"], "\"cto-cio-quiz\"");
        assert_eq!(
            element["events"][2]["type"]["text"],
            "CustomEvent<{ score: number; total: number; tier: string }>"
        );
        assert_eq!(
            element["cssProperties"].as_array().map(Vec::len),
            Some(CSS_PROPERTIES.len())
        );
        assert!(
            json.starts_with("{\n  \"schemaVersion\": \"2.1.0\""),
            "{json}"
        );
    }
}
