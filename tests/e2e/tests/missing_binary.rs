//! A missing driver must fail loudly, naming the binary and the command that installs it, never
//! skip silently. Its own test binary (= its own process) because it changes environment variables.

#[tokio::test]
async fn missing_driver_is_a_failure_naming_the_binary() {
    std::env::set_var("CCQ_ENGINES", "chromium");
    std::env::set_var("CHROMEDRIVER", "/nonexistent/chromedriver");
    let run = tokio::spawn(async {
        e2e::Scenario::new("missing driver")
            .without_dist()
            .run(|_ctx| async { Ok(()) })
            .await;
    });
    let panic = run.await.expect_err("the scenario must fail").into_panic();
    let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(message.contains("chromium:"), "{message}");
    assert!(message.contains("chromedriver"), "{message}");
    assert!(message.contains("run: cargo xtask test"), "{message}");
}
