//! The browsers and WebDriver servers the tests drive: Debian's chromium, chromium-driver,
//! firefox-esr, webkit2gtk-driver (WebKitWebDriver and MiniBrowser) and xvfb, found by their
//! binaries, plus geckodriver from crates.io, and what the platform kits' end-to-end tests run:
//! Debian's hugo, and WordPress with PHP and MariaDB (tests/e2e/tests/wordpress.rs finds those
//! at their Debian paths, or where its variables say). Missing packages are installed with apt-get when
//! we are root on Debian; otherwise the exact command to run is printed and the test stops (an
//! engine is never skipped). Each path can be overridden by the variable the e2e crate reads.

use std::path::{Path, PathBuf};

use crate::context::{is_executable, Ctx};
use crate::tools;

/// Where every engine and driver lives; exported to the tests.
pub struct Browsers {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
    pub firefox: PathBuf,
    pub geckodriver: PathBuf,
    pub webkit_driver: PathBuf,
    pub minibrowser: PathBuf,
    pub xvfb_run: PathBuf,
    pub hugo: PathBuf,
}

impl Browsers {
    /// The environment the end-to-end tests read (see tests/e2e).
    pub fn e2e_env(&self) -> [(&'static str, &Path); 8] {
        [
            ("CHROMIUM_BIN", &self.chromium),
            ("CHROMEDRIVER", &self.chromedriver),
            ("FIREFOX_BIN", &self.firefox),
            ("GECKODRIVER", &self.geckodriver),
            ("WEBKIT_DRIVER", &self.webkit_driver),
            ("MINIBROWSER_BIN", &self.minibrowser),
            ("XVFB_RUN", &self.xvfb_run),
            ("HUGO", &self.hugo),
        ]
    }
}

/// One binary the tests need and the Debian package that provides it.
struct Need {
    what: &'static str,
    env: &'static str,
    package: &'static str,
    find: fn(&Ctx) -> Option<PathBuf>,
}

static NEEDS: [Need; 14] = [
    Need {
        what: "chromium",
        env: "CHROMIUM_BIN",
        package: "chromium",
        find: |ctx| fixed_or_path(ctx, "/usr/bin/chromium", "chromium"),
    },
    Need {
        what: "chromedriver",
        env: "CHROMEDRIVER",
        package: "chromium-driver",
        find: |ctx| fixed_or_path(ctx, "/usr/bin/chromedriver", "chromedriver"),
    },
    Need {
        what: "firefox-esr",
        env: "FIREFOX_BIN",
        package: "firefox-esr",
        find: |ctx| fixed_or_path(ctx, "/usr/bin/firefox-esr", "firefox-esr"),
    },
    Need {
        what: "WebKitWebDriver",
        env: "WEBKIT_DRIVER",
        package: "webkit2gtk-driver",
        find: |ctx| {
            ctx.which("WebKitWebDriver")
                .or_else(|| existing("/usr/bin/WebKitWebDriver"))
        },
    },
    Need {
        what: "MiniBrowser",
        env: "MINIBROWSER_BIN",
        package: "webkit2gtk-driver",
        find: |_| find_minibrowser(),
    },
    Need {
        what: "xvfb-run",
        env: "XVFB_RUN",
        package: "xvfb",
        find: |ctx| fixed_or_path(ctx, "/usr/bin/xvfb-run", "xvfb-run"),
    },
    Need {
        what: "hugo",
        env: "HUGO",
        package: "hugo",
        find: |ctx| fixed_or_path(ctx, "/usr/bin/hugo", "hugo"),
    },
    Need {
        what: "php",
        env: "PHP",
        package: "php-cli",
        find: |ctx| fixed_or_path(ctx, "/usr/bin/php", "php"),
    },
    Need {
        what: "PHP's mysqli extension",
        env: "PHP_MYSQLI",
        package: "php-mysql",
        find: |_| php_mysqli(),
    },
    Need {
        what: "mariadbd",
        env: "MARIADBD",
        package: "mariadb-server",
        find: |ctx| fixed_or_path(ctx, "/usr/sbin/mariadbd", "mariadbd"),
    },
    Need {
        what: "mariadb-install-db",
        env: "MARIADB_INSTALL_DB",
        package: "mariadb-server",
        find: |ctx| fixed_or_path(ctx, "/usr/bin/mariadb-install-db", "mariadb-install-db"),
    },
    Need {
        what: "WordPress",
        env: "WORDPRESS_LOAD",
        package: "wordpress",
        find: |_| existing_file("/usr/share/wordpress/wp-load.php"),
    },
    Need {
        what: "WordPress's Twenty Twenty-One theme",
        env: "WORDPRESS_THEME",
        package: "wordpress-theme-twentytwentyone",
        find: |_| existing_file("/usr/share/wordpress/wp-content/themes/twentytwentyone/style.css"),
    },
    Need {
        what: "WordPress's Twenty Twenty-Three theme",
        env: "WORDPRESS_BLOCK_THEME",
        package: "wordpress-theme-twentytwentythree",
        find: |_| {
            existing_file("/usr/share/wordpress/wp-content/themes/twentytwentythree/style.css")
        },
    },
];

/// A file that exists (not necessarily executable): the data files of a package.
fn existing_file(path: &str) -> Option<PathBuf> {
    let path = PathBuf::from(path);
    path.is_file().then_some(path)
}

/// PHP's mysqli extension, `/usr/lib/php/<API version>/mysqli.so`.
fn php_mysqli() -> Option<PathBuf> {
    std::fs::read_dir("/usr/lib/php")
        .ok()?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path().join("mysqli.so"))
        .find(|path| path.is_file())
}

/// Finds every browser and driver, installing what is missing when allowed.
pub fn ensure(ctx: &Ctx) -> Result<Browsers, String> {
    let (mut found, missing) = locate_all(ctx)?;
    if !missing.is_empty() {
        install_packages(ctx, &missing)?;
        let (now_found, still_missing) = locate_all(ctx)?;
        if !still_missing.is_empty() {
            return Err(format!(
                "still missing after apt-get install: {} (packages {})",
                names(&still_missing, |n| n.what),
                names(&still_missing, |n| n.package)
            ));
        }
        found = now_found;
    }
    let geckodriver = match env_override("GECKODRIVER")? {
        Some(path) => {
            println!("✓ geckodriver {} (from GECKODRIVER)", path.display());
            path
        }
        None => tools::ensure_geckodriver(ctx)?,
    };
    let get = |what: &str| {
        found
            .iter()
            .find(|(need, _)| need.what == what)
            .map(|(_, path)| path.clone())
            .ok_or_else(|| format!("internal: {what} not located"))
    };
    Ok(Browsers {
        chromium: get("chromium")?,
        chromedriver: get("chromedriver")?,
        firefox: get("firefox-esr")?,
        geckodriver,
        webkit_driver: get("WebKitWebDriver")?,
        minibrowser: get("MiniBrowser")?,
        xvfb_run: get("xvfb-run")?,
        hugo: get("hugo")?,
    })
}

type Located = (Vec<(&'static Need, PathBuf)>, Vec<&'static Need>);

/// Splits NEEDS into found (with paths, one "✓" line each) and missing.
fn locate_all(ctx: &Ctx) -> Result<Located, String> {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for need in &NEEDS {
        if let Some(path) = env_override(need.env)? {
            println!("✓ {} {} (from {})", need.what, path.display(), need.env);
            found.push((need, path));
        } else if let Some(path) = (need.find)(ctx) {
            println!("✓ {} {} (already installed)", need.what, path.display());
            found.push((need, path));
        } else {
            println!(
                "✗ {} not found (Debian package {})",
                need.what, need.package
            );
            missing.push(need);
        }
    }
    Ok((found, missing))
}

/// apt-get installs the packages behind `missing` if we are root on Debian; otherwise stops
/// with the command to run.
fn install_packages(ctx: &Ctx, missing: &[&Need]) -> Result<(), String> {
    let debian = Path::new("/etc/debian_version").is_file();
    let root = ctx.probe("id", &["-u"]).as_deref() == Some("0");
    let packages = apt_plan(missing, debian, root)?;
    println!("→ installing Debian packages: {}", packages.join(" "));
    ctx.run(ctx.cmd("apt-get").arg("update"))?;
    ctx.run(
        ctx.cmd("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .args(["install", "-y"])
            .args(&packages),
    )
}

/// The packages to apt-get install, or (not Debian, or not root) the message telling the user
/// what to run.
fn apt_plan(missing: &[&Need], debian: bool, root: bool) -> Result<Vec<&'static str>, String> {
    let mut packages: Vec<&'static str> = Vec::new();
    for need in missing {
        if !packages.contains(&need.package) {
            packages.push(need.package);
        }
    }
    let list = packages.join(" ");
    let what = names(missing, |n| n.what);
    if !debian {
        return Err(format!(
            "missing {what}: install the equivalents of the Debian packages {list} for your \
             system, and point {} at them if they live elsewhere",
            names(missing, |n| n.env)
        ));
    }
    if !root {
        return Err(format!(
            "missing {what}: run\n\n    sudo apt-get update && sudo apt-get install -y {list}\n\n\
             then run this command again"
        ));
    }
    Ok(packages)
}

/// The value of `var` if it is set: it must name an executable.
fn env_override(var: &str) -> Result<Option<PathBuf>, String> {
    match std::env::var_os(var).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(value) => {
            let path = PathBuf::from(value);
            if is_executable(&path) {
                Ok(Some(path))
            } else {
                Err(format!(
                    "{var}={} is not an executable file: fix or unset {var}",
                    path.display()
                ))
            }
        }
    }
}

fn existing(path: &str) -> Option<PathBuf> {
    let path = PathBuf::from(path);
    is_executable(&path).then_some(path)
}

fn fixed_or_path(ctx: &Ctx, fixed: &str, name: &str) -> Option<PathBuf> {
    existing(fixed).or_else(|| ctx.which(name))
}

/// WebKitGTK's MiniBrowser: `/usr/lib/<multiarch>/webkit2gtk-4.{1,0}/MiniBrowser`.
fn find_minibrowser() -> Option<PathBuf> {
    let lib = std::fs::read_dir("/usr/lib").ok()?;
    let mut dirs: Vec<PathBuf> = lib.filter_map(|e| e.ok().map(|e| e.path())).collect();
    dirs.push(PathBuf::from("/usr/lib"));
    dirs.sort();
    ["webkit2gtk-4.1", "webkit2gtk-4.0"].iter().find_map(|api| {
        dirs.iter()
            .map(|dir| dir.join(api).join("MiniBrowser"))
            .find(|p| is_executable(p))
    })
}

fn names(needs: &[&Need], field: fn(&Need) -> &'static str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for need in needs {
        if !out.contains(&field(need)) {
            out.push(field(need));
        }
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(what: &str) -> &'static Need {
        NEEDS.iter().find(|n| n.what == what).unwrap_or(&NEEDS[0])
    }

    #[test]
    fn apt_plan_installs_each_package_once_as_root_on_debian() {
        let missing = [
            need("WebKitWebDriver"),
            need("MiniBrowser"),
            need("xvfb-run"),
        ];
        assert_eq!(
            apt_plan(&missing, true, true),
            Ok(vec!["webkit2gtk-driver", "xvfb"])
        );
    }

    #[test]
    fn apt_plan_prints_the_sudo_command_when_not_root() {
        let missing = [need("chromium"), need("chromedriver")];
        let plan = apt_plan(&missing, true, false);
        assert!(
            matches!(&plan, Err(e) if e.contains(
                "sudo apt-get update && sudo apt-get install -y chromium chromium-driver"
            )),
            "{plan:?}"
        );
    }

    #[test]
    fn apt_plan_names_packages_and_variables_off_debian() {
        let plan = apt_plan(&[need("firefox-esr")], false, true);
        assert!(
            matches!(&plan, Err(e) if e.contains("firefox-esr") && e.contains("FIREFOX_BIN")),
            "{plan:?}"
        );
    }
}
