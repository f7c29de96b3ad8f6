//! The WordPress plugin in a real WordPress, end to end in Chromium, Firefox and WebKit, in two
//! releases: Debian's WordPress (6.1, before script modules) and a current one (Debian trixie's
//! package, which `cargo xtask test` unpacks into target/ and names in `WORDPRESS_CURRENT_DIR`),
//! each on PHP's built-in server on 127.0.0.1, with a real MariaDB (started
//! by the test, on a socket of its own in a temp dir, no network), a classic and a block theme, the
//! plugin laid out as its zip installs it (`integrations/wordpress/cto-cio-quiz/` with the
//! release files in `assets/`). `sites/wordpress/setup.php` installs the site, activates the
//! plugin, saves its settings, and has an Author (whose HTML KSES filters) publish a post with
//! the shortcode and one with the block, each also trying to set where sign-ups go.
//!
//! Checked: both posts hold exactly one element, with the whole article in the page's HTML and the
//! administrator's sign-up action (not the Author's); the Author's raw script and element were
//! filtered; the loader is a module script and only on pages with the widget; the widget is ready
//! and played, and the sign-up goes to the configured action with its tag.
//!
//! They need the release bundle (`cargo xtask dist`) and Debian's wordpress, mariadb-server,
//! php-cli, php-mysql, wordpress-theme-twentytwentyone and wordpress-theme-twentytwentythree:
//! `cargo xtask test` installs them.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{ensure, Context};
use e2e::driver::TempDir;
use e2e::server::dist_dir;
use e2e::site::{self, copy_dir, run, tool, HOST};
use e2e::{in_every_engine, Ctx, INSTALL_HINT};

/// A classic theme (content rendered after `wp_head`) and a block theme (before it).
const THEMES: [&str; 2] = ["twentytwentyone", "twentytwentythree"];

fn e2e_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Polls `ready` every 100 ms until it holds, for at most 30 s.
fn wait_until(what: &str, ready: impl Fn() -> bool) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !ready() {
        ensure!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

/// One WordPress release the plugin is tested in: its files and version.
struct Release {
    dir: PathBuf,
    version: String,
}

impl Release {
    /// Debian's WordPress (`WORDPRESS_DIR`, else /usr/share/wordpress) and a current release
    /// (`WORDPRESS_CURRENT_DIR`, which `cargo xtask test` unpacks into target/).
    fn all() -> anyhow::Result<Vec<Release>> {
        [
            tool("WORDPRESS_DIR", &["/usr/share/wordpress"], None)?,
            std::env::var_os("WORDPRESS_CURRENT_DIR")
                .filter(|dir| !dir.is_empty())
                .map(PathBuf::from)
                .with_context(|| {
                    format!("WORDPRESS_CURRENT_DIR names no current WordPress; {INSTALL_HINT}")
                })?,
        ]
        .into_iter()
        .map(Release::at)
        .collect()
    }

    fn at(dir: PathBuf) -> anyhow::Result<Release> {
        let path = dir.join("wp-includes/version.php");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let version = text
            .lines()
            .find_map(|line| line.trim().strip_prefix("$wp_version = '"))
            .and_then(|rest| rest.split('\'').next())
            .with_context(|| format!("no $wp_version in {}", path.display()))?
            .to_string();
        Ok(Release { dir, version })
    }

    /// WordPress 6.5 and later have `wp_enqueue_script_module`.
    fn has_script_modules(&self) -> bool {
        let mut parts = self
            .version
            .split('.')
            .map(|p| p.parse::<u32>().unwrap_or(0));
        let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
        (major, minor) >= (6, 5)
    }
}

/// A running WordPress: MariaDB and PHP's server, each in a process group of its own (PHP's
/// workers are its children), stopped (SIGTERM to the group, then reaped) when dropped.
struct WordPress {
    url: String,
    posts: Vec<(String, u64)>,
    children: Vec<Child>,
    _dir: TempDir,
}

impl Drop for WordPress {
    fn drop(&mut self) {
        for child in self.children.iter_mut().rev() {
            if let Ok(pid) = i32::try_from(child.id()) {
                // SAFETY: kill(2) on the process group of a child this test started (its id is
                // the group's) and has not reaped.
                unsafe { libc::kill(-pid, libc::SIGTERM) };
            }
            let _ = child.wait();
        }
    }
}

impl WordPress {
    /// Starts a fresh site whose sign-ups go to `action` and whose pages load `probe`.
    fn start(
        release: &Release,
        action: &str,
        probe: &str,
        theme: &str,
    ) -> anyhow::Result<WordPress> {
        let dir = TempDir::new("wordpress")?;
        let work = dir.path();
        let mut wp = WordPress {
            url: String::new(),
            posts: Vec::new(),
            children: Vec::new(),
            _dir: TempDir::new("wordpress-unused")?,
        };
        // The database: its own data directory and socket, no network.
        let (data, socket) = (work.join("db"), work.join("db.sock"));
        run(
            Command::new(tool(
                "MARIADB_INSTALL_DB",
                &["/usr/bin/mariadb-install-db"],
                None,
            )?)
            .arg(format!("--datadir={}", data.display()))
            .args([
                "--user=root",
                "--skip-test-db",
                "--auth-root-authentication-method=socket",
            ]),
            "mariadb-install-db",
        )?;
        wp.children.push(
            Command::new(tool("MARIADBD", &["/usr/sbin/mariadbd"], None)?)
                .arg(format!("--datadir={}", data.display()))
                .arg(format!("--socket={}", socket.display()))
                .arg(format!("--pid-file={}", work.join("db.pid").display()))
                .arg(format!("--log-error={}", work.join("db.err").display()))
                .args(["--skip-networking", "--user=root"])
                .process_group(0)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .context("starting mariadbd")?,
        );
        let client = tool("MARIADB", &["/usr/bin/mariadb"], None)?;
        wait_until("MariaDB's socket", || {
            Command::new(&client)
                .arg(format!("--socket={}", socket.display()))
                .args(["-e", "SELECT 1"])
                .output()
                .is_ok_and(|o| o.status.success())
        })?;
        run(
            Command::new(&client)
                .arg(format!("--socket={}", socket.display()))
                .args([
                    "-e",
                    "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; \
                     GRANT ALL ON wp.* TO 'wp'@'localhost';",
                ]),
            "creating the database",
        )?;
        // WordPress: Debian's files copied (its own wp-config.php reads /etc/wordpress), ours.
        let root = work.join("wp");
        run(
            Command::new("cp").arg("-rL").arg(&release.dir).arg(&root),
            "copying WordPress",
        )?;
        std::fs::write(
            root.join("wp-config.php"),
            format!(
                "<?php\ndefine( 'DB_NAME', 'wp' );\ndefine( 'DB_USER', 'wp' );\n\
                 define( 'DB_PASSWORD', 'wp' );\ndefine( 'DB_HOST', 'localhost:{}' );\n\
                 define( 'DB_CHARSET', 'utf8mb4' );\ndefine( 'DB_COLLATE', '' );\n\
                 $table_prefix = 'wp_';\ndefine( 'AUTOMATIC_UPDATER_DISABLED', true );\n\
                 define( 'WP_HTTP_BLOCK_EXTERNAL', true );\ndefine( 'DISABLE_WP_CRON', true );\n\
                 define( 'ABSPATH', __DIR__ . '/' );\nrequire_once ABSPATH . 'wp-settings.php';\n",
                socket.display()
            ),
        )?;
        // The plugin as its zip installs it, and the test's probe in every page's head.
        let plugin = root.join("wp-content/plugins/cto-cio-quiz");
        copy_dir(
            &e2e_dir().join("../../integrations/wordpress/cto-cio-quiz"),
            &plugin,
        )?;
        copy_dir(&dist_dir(), &plugin.join("assets"))?;
        let mu = root.join("wp-content/mu-plugins");
        std::fs::create_dir_all(&mu)?;
        std::fs::write(
            mu.join("ccq-probe.php"),
            format!(
                "<?php\nadd_action( 'wp_head', function () {{ echo '<script src=\"{probe}\"></script>'; }}, 0 );\n"
            ),
        )?;
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        wp.url = format!("http://127.0.0.1:{port}");
        let php = tool("PHP", &["/usr/bin/php"], None)?;
        let out = run(
            Command::new(&php)
                .arg(e2e_dir().join("sites/wordpress/setup.php"))
                .arg(&root)
                .arg(&wp.url)
                .arg(action)
                .arg(theme),
            "setting up WordPress",
        )?;
        for line in out.lines() {
            if let Some((name, id)) = line.split_once(' ') {
                if let Ok(id) = id.trim().parse() {
                    wp.posts.push((name.to_string(), id));
                }
            }
        }
        ensure!(wp.posts.len() == 2, "setup.php printed {out:?}");
        wp.children.push(
            Command::new(&php)
                .args(["-S", &format!("127.0.0.1:{port}")])
                .current_dir(&root)
                // Several workers: a browser fetches a page's files in parallel.
                .env("PHP_CLI_SERVER_WORKERS", "4")
                .process_group(0)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .context("starting php -S")?,
        );
        wait_until("PHP's server", || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        })?;
        wp._dir = dir;
        Ok(wp)
    }

    fn post_url(&self, name: &str) -> anyhow::Result<String> {
        let (_, id) = self
            .posts
            .iter()
            .find(|(n, _)| n == name)
            .with_context(|| format!("no post {name}"))?;
        Ok(format!("{}/?p={id}", self.url))
    }
}

/// Opens the post and checks what the server printed: one element, the article, the
/// administrator's action, the module loader, nothing of the Author's raw markup.
async fn check_post(ctx: &Ctx, release: &Release, url: &str, action: &str) -> e2e::Result<()> {
    ctx.client
        .goto(url)
        .await
        .with_context(|| format!("opening {url}"))?;
    let (count, posted_to, loader, title): (usize, Option<String>, Vec<String>, String) = ctx
        .eval(
            "const q = document.querySelectorAll('cto-cio-quiz'); \
             return [q.length, \
               q.length ? q[0].getAttribute('newsletter-action') : null, \
               [...document.querySelectorAll('script[src*=\"cto-cio-quiz/assets/embed.js\"]')].map(s => s.type + ' ' + s.id), \
               document.title];",
            vec![],
        )
        .await?;
    ensure!(
        count == 1,
        "{count} elements: the Author's pasted one survived?"
    );
    site::assert_article_in_element(ctx).await?;
    ensure!(
        posted_to.as_deref() == Some(action),
        "newsletter-action is {posted_to:?}, not the administrator's {action}"
    );
    // WordPress 6.5 and later print script modules themselves (wp_enqueue_script_module, whose
    // tag's id ends in -js-module); before, the plugin turns its classic script tag into one.
    let expected = if release.has_script_modules() {
        "module cto-cio-quiz-js-module"
    } else {
        "module cto-cio-quiz-js"
    };
    ensure!(
        loader == [expected],
        "WordPress {}: the loader's script tags are {loader:?}, not [{expected:?}]",
        release.version
    );
    ensure!(!title.contains("scripted"), "the Author's script ran");
    Ok(())
}

#[tokio::test]
async fn the_plugin_s_shortcode_and_block_play_in_wordpress() {
    in_every_engine("wordpress: shortcode and block", |ctx| async move {
        for release in Release::all()? {
            play_release(&ctx, &release)
                .await
                .with_context(|| format!("WordPress {}", release.version))?;
        }
        Ok(())
    })
    .await;
}

/// Both themes of one WordPress release: each post checked, the shortcode's played to its
/// sign-up.
async fn play_release(ctx: &Ctx, release: &Release) -> e2e::Result<()> {
    let action = ctx.server.url("/newsletter/wp");
    let probe = ctx.server.url("/pages/probe.js");
    // The block theme: the block's post is ready with the loader enqueued while rendering.
    {
        let wp = WordPress::start(release, &action, &probe, THEMES[1])?;
        check_post(ctx, release, &wp.post_url("block")?, &action).await?;
        ctx.wait_ready(HOST).await?;
        ctx.assert_probe_clean().await?;
    }
    let wp = WordPress::start(release, &action, &probe, THEMES[0])?;
    // A page without the widget loads nothing of it.
    ctx.client.goto(&format!("{}/?page_id=2", wp.url)).await?;
    let loaded: usize = ctx
        .eval(
            "return document.querySelectorAll('script[src*=\"cto-cio-quiz\"]').length;",
            vec![],
        )
        .await?;
    ensure!(loaded == 0, "a page without the widget loads the loader");

    check_post(ctx, release, &wp.post_url("block")?, &action).await?;
    ctx.wait_ready(HOST).await?;

    check_post(ctx, release, &wp.post_url("shortcode")?, &action).await?;
    let email = format!("wordpress-{}@example.com", release.version);
    site::play_five_and_sign_up(ctx, &email, "/newsletter/wp", "wp-tag").await
}
