// cto-cio-quiz/eleventy: an Eleventy plugin for the <cto-cio-quiz> widget (Eleventy 2.0.1 or later).
//
//   import ctoCioQuiz from "cto-cio-quiz/eleventy";
//   export default function (eleventyConfig) {
//     eleventyConfig.addPlugin(ctoCioQuiz, { src: "/widgets/cto-cio-quiz/" });
//   }
//
// then, in a Liquid template or a Markdown post (Eleventy renders Markdown with Liquid):
//   {% ctoCioQuiz parts="quiz newsletter" questions="10" storage-key="my-post" %}
// or in Nunjucks (keyword arguments, comma-separated; storageKey for storage-key):
//   {% ctoCioQuiz parts="quiz newsletter", questions="10", storageKey="my-post" %}
//
// It prints the element with the whole article inside it (read from the package's snippet.html,
// so search engines, feeds and readers without JavaScript get the article) and the loader's
// module script. It takes presentation attributes only (parts, questions, feedback,
// storage-key), checked here and again by the widget; where sign-ups go, the privacy link and the
// shared address are the site's, set once in the plugin's options (newsletterProvider,
// newsletterAction, newsletterTag, privacyUrl, shareUrl). With a site-relative `src` (the
// default) the plugin also copies the release files there; with a CDN URL it copies nothing.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the release files are: beside this file, in the package. */
const PACKAGE_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The presentation attributes and the values each may take (src/config.rs has the last word). */
const RULES = {
  parts: /^(explainer|quiz|newsletter)( +(explainer|quiz|newsletter)){0,2}$/i,
  questions: /^(all|[0-9]{1,3})$/i,
  feedback: /^(instant|end)$/i,
  "storage-key": /^[A-Za-z0-9._-]{1,64}$/,
};

/** The site's settings (plugin options) and the attributes they become. */
const SITE_OPTIONS = {
  newsletterProvider: "newsletter-provider",
  newsletterAction: "newsletter-action",
  newsletterTag: "newsletter-tag",
  privacyUrl: "privacy-url",
  shareUrl: "share-url",
};

/** Release files the plugin copies: what the widget loads, and the frame page. */
const DEPLOYED = /\.(js|wasm|css|html)$/;
const NOT_DEPLOYED = new Set(["eleventy.js", "snippet.html"]);

const escapeAttribute = (value) =>
  String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The article: what snippet.html's element holds. */
function readArticle(dir) {
  const file = path.join(dir, "snippet.html");
  const snippet = readFileSync(file, "utf8");
  const match = /<cto-cio-quiz[^>]*>\n?([\s\S]*)<\/cto-cio-quiz>/.exec(snippet);
  if (!match) throw new Error(`cto-cio-quiz/eleventy: ${file} holds no <cto-cio-quiz> element`);
  return match[1];
}

/**
 * Liquid's tag text as written, `parts="quiz newsletter" storage-key='a'`, into pairs. Eleventy's
 * Liquid shortcodes take expressions only, so the plugin registers a Liquid tag and reads its
 * text itself: nothing in it is evaluated.
 */
function liquidAttributes(text) {
  const named = {};
  const pair = /\s*([A-Za-z_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')\s*,?/y;
  let match;
  while (pair.lastIndex < text.length && (match = pair.exec(text))) {
    named[match[1]] = match[2] ?? match[3];
  }
  if (text.slice(pair.lastIndex).trim() !== "") {
    throw new Error(`cto-cio-quiz/eleventy: write the tag's attributes as name="value" (in ${JSON.stringify(text)})`);
  }
  return named;
}

/** Nunjucks (and JavaScript templates) pass keyword arguments as one object. */
function keywordAttributes(args) {
  if (args.length === 0) return {};
  if (args.length === 1 && args[0] && typeof args[0] === "object") {
    const { __keywords, ...named } = args[0];
    return named;
  }
  throw new Error('cto-cio-quiz/eleventy: name the attributes, e.g. {% ctoCioQuiz parts="quiz", questions="5" %}');
}

export default function ctoCioQuiz(eleventyConfig, options = {}) {
  const src = String(options.src ?? "/widgets/cto-cio-quiz/").replace(/\/?$/, "/");
  const dir = options.files ?? PACKAGE_DIR;
  const article = readArticle(dir);
  const site = Object.entries(SITE_OPTIONS)
    .filter(([option]) => options[option] != null && options[option] !== "")
    .map(([option, name]) => ` ${name}="${escapeAttribute(options[option])}"`)
    .join("");

  // A site-relative src: copy the release files to it (a CDN URL serves them itself).
  if (options.copy !== false && src.startsWith("/") && !src.startsWith("//")) {
    for (const name of readdirSync(dir)) {
      if (DEPLOYED.test(name) && !name.endsWith(".d.ts") && !NOT_DEPLOYED.has(name)) {
        eleventyConfig.addPassthroughCopy({ [path.join(dir, name)]: src.slice(1) + name });
      }
    }
  }

  /** The element, the article and the loader's script for the `named` attributes. */
  function render(named) {
    let attributes = "";
    for (const [given, value] of Object.entries(named)) {
      // Nunjucks keyword names cannot hold a hyphen: storageKey (or storage_key) there.
      const name = given === "storageKey" || given === "storage_key" ? "storage-key" : given;
      const rule = RULES[name];
      if (!rule) {
        throw new Error(
          `cto-cio-quiz/eleventy: unknown attribute ${JSON.stringify(given)}; it takes parts, questions, ` +
            "feedback and storage-key (where sign-ups go is set once, in the plugin's options)",
        );
      }
      if (!rule.test(String(value))) {
        throw new Error(`cto-cio-quiz/eleventy: invalid ${name}=${JSON.stringify(String(value))}`);
      }
      attributes += ` ${name}="${escapeAttribute(value)}"`;
    }
    // One module script per element: a module runs once per page whatever the number of tags.
    // No blank line anywhere: in a Markdown post the whole output stays one HTML block.
    return (
      `<cto-cio-quiz${attributes}${site}>\n${article}</cto-cio-quiz>\n` +
      `<script type="module" src="${escapeAttribute(src)}embed.js"></script>`
    );
  }

  eleventyConfig.addLiquidTag("ctoCioQuiz", function () {
    return {
      parse(token) {
        this.named = liquidAttributes(token.args);
      },
      render() {
        return render(this.named);
      },
    };
  });
  eleventyConfig.addNunjucksShortcode("ctoCioQuiz", (...args) => render(keywordAttributes(args)));
  eleventyConfig.addJavaScriptFunction("ctoCioQuiz", (named = {}) => render(named));
}
