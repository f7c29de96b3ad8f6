// A small Eleventy blog for tests/kits.rs: the plugin as an owner adds it, the newsletter
// recorder's absolute URL (known only at run time) from the environment.
import ctoCioQuiz from "cto-cio-quiz/eleventy";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(ctoCioQuiz, {
    src: "/widgets/cto-cio-quiz/",
    newsletterProvider: "generic",
    newsletterAction: process.env.CCQ_NEWSLETTER_ACTION,
    newsletterTag: "eleventy-tag",
  });
}
