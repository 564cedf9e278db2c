package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.compressor.account.Account;
import io.compressor.testing.Browser;
import io.compressor.testing.Http;
import io.compressor.testing.TestDatabases;
import io.compressor.testing.TestS3;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/// The dashboard in a real headless Chromium, against the real server, SQLite and the Ceph RGW of `scripts/test`.
/// Each test saves screenshots of the pages it visits under `target/screenshots/`.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {
    private static final String PASSWORD = "dashboard password 1";
    private static final String WRONG_SECRET = "wrong-secret-4f9a2c";

    @TempDir
    static Path dir;

    private Application app;
    private io.compressor.api.HttpServer server;
    private Browser browser;
    private ChromeDriver driver;
    private String base;
    private Http http;
    private String bucket;

    @BeforeAll
    void start() {
        bucket = TestS3.createBucket(TestS3.admin(), "dash");
        app = Application.open(ConfigLoader.load(Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", dir.toString(),
                "COMPRESSOR_DATABASE_URL", TestDatabases.fresh("sqlite", dir))));
        server = app.httpServer().start();
        base = server.publicUrl().toString();
        http = new Http(server.publicUrl());
        browser = new Browser();
        driver = browser.driver();
    }

    @AfterAll
    void stop() {
        browser.close();
        server.close();
        app.close();
    }

    @BeforeEach
    void signedOut() {
        driver.manage().deleteAllCookies();
    }

    private Account account(String email) {
        Account account = app.accounts().create("Team " + email, email);
        app.signIns().setPassword(account.id(), PASSWORD);
        return account;
    }

    private void signIn(String email, String password) {
        driver.get(base + "/dashboard");
        assertThat(driver.getCurrentUrl()).as("signed out, the dashboard sends to sign in").endsWith("/dashboard/sign-in");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        submit(driver.findElement(By.cssSelector("form button[type=submit]")));
    }

    /// Clicks a form's button and waits for the page that answers it.
    private void submit(WebElement button) {
        driver.executeScript("window.beforeSubmit = true");
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return window.beforeSubmit === undefined && document.readyState === 'complete'")));
    }

    private WebElement connectorForm(String provider) {
        WebElement details = driver.findElement(By.cssSelector("details[data-provider='" + provider + "']"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        return details.findElement(By.cssSelector("form.create"));
    }

    private String createConnector(String name, String secret) {
        driver.get(base + "/dashboard/connectors");
        WebElement form = connectorForm("s3-compatible");
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.name("endpoint")).sendKeys(TestS3.endpoint());
        form.findElement(By.name("access_key_id")).sendKeys("test");
        form.findElement(By.name("secret_access_key")).sendKeys(secret);
        form.findElement(By.name("bucket")).sendKeys(bucket);
        form.findElement(By.name("region")).sendKeys("us-east-1");
        submit(form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(driver.findElement(By.id("notice")).getText()).startsWith("Created the connector");
        String id = driver.getCurrentUrl().replaceAll(".*created=([0-9a-f-]+).*", "$1");
        assertThat(driver.findElement(By.cssSelector("[data-connector='" + id + "'] h3")).getText()).isEqualTo(name);
        return id;
    }

    private String testConnector(String id) {
        submit(driver.findElement(By.cssSelector("[data-connector='" + id + "'] button.test")));
        return driver.findElement(By.cssSelector("[data-connector='" + id + "'] .test-result")).getText();
    }

    @Test
    void signsInWithThePasswordAndSeesEveryPageOnALaptopAndAPhone() {
        account("pages@example.com");
        signIn("pages@example.com", PASSWORD);
        assertThat(driver.getCurrentUrl()).endsWith("/dashboard/activity");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Activity");
        browser.screenshots("activity");
        for (String page : List.of("connectors", "keys", "webhook")) {
            driver.get(base + "/dashboard/" + page);
            assertThat(driver.findElement(By.cssSelector("nav a[aria-current=page]")).getAttribute("href")).endsWith(page);
            assertThat(driver.findElements(By.cssSelector("input:not([type=hidden])"))).allSatisfy(input ->
                    assertThat(driver.findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']")))
                            .as("label of input %s", input.getAttribute("name")).hasSize(1));
            assertThat(driver.findElements(By.cssSelector("script[src], link[href], img[src]"))).allSatisfy(e ->
                    assertThat(e.getAttribute(e.getTagName().equals("link") ? "href" : "src"))
                            .as("no external fonts, scripts or CDNs").startsWith(base + "/dashboard/assets/"));
            browser.screenshots(page);
        }
        for (String page : List.of("activity", "connectors", "keys", "webhook")) {
            driver.get(base + "/dashboard/" + page);
            assertNoSidewaysScrollingOnAPhone(page);
        }
    }

    private void assertNoSidewaysScrollingOnAPhone(String page) {
        driver.manage().window().setSize(Browser.PHONE);
        Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth");
        Number viewport = (Number) driver.executeScript("return document.documentElement.clientWidth");
        driver.manage().window().setSize(Browser.LAPTOP);
        assertThat(scrollWidth.intValue()).as("no sideways scrolling on a phone: %s", page)
                .isLessThanOrEqualTo(viewport.intValue());
    }

    @Test
    void aWrongPasswordIsRefusedInWordsAndFiveLockTheAccount() {
        account("locked@example.com");
        signIn("locked@example.com", "not the password");
        assertThat(driver.findElement(By.id("sign-in-error")).getText()).isEqualTo("Wrong email or password.");
        assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo("locked@example.com");
        browser.screenshots("sign-in-refused");
        for (int i = 0; i < 4; i++) {
            signIn("locked@example.com", "not the password");
        }
        signIn("locked@example.com", PASSWORD);
        assertThat(driver.findElement(By.id("sign-in-error")).getText()).startsWith("Too many failed sign-ins");
    }

    @Test
    void aConnectorIsCreatedAndTestedThenUsedThroughTheApiAndItsJobAppearsInActivity() throws Exception {
        Account account = account("storer@example.com");
        signIn("storer@example.com", PASSWORD);
        String good = createConnector("Local gateway", "testsecret");
        assertThat(testConnector(good)).isEqualTo("It works: wrote and removed a probe object in \"" + bucket + "\".");
        browser.screenshots("connector-tested");
        String bad = createConnector("Wrong secret", WRONG_SECRET);
        assertThat(testConnector(bad)).isEqualTo("The connector's secret does not match its access key id;"
                + " update the connector's credentials.");

        WebElement copy = driver.findElement(By.cssSelector("[data-connector='" + good + "'] dd button.copy"));
        copy.click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> copy.getText().equals("Copied"));
        String copiedId = driver.findElement(By.cssSelector("[data-connector='" + good + "'] code.connector-id")).getText();
        assertThat(copiedId).isEqualTo(good);
        assertThat(driver.findElement(By.cssSelector("[data-connector='" + good + "'] pre.curl")).getText())
                .contains("\"id\":\"" + good + "\"", "\"bucket\":\"" + bucket + "\"", base + "/1.0/upload");

        String key = app.keys().issue(account.id(), "api").secret();
        HttpResponse<String> stored = http.upload("/1.0/upload", key, "photo.jpg", ProcessingApiIT.jpeg(800, 600),
                "{\"image\":{\"resize\":{\"width\":400}},\"store\":{\"id\":\"" + copiedId + "\",\"path\":\"dash/photo.jpg\"}}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        String storedUrl = Http.json(stored).get("url").asText();
        assertThat(storedUrl).isEqualTo(TestS3.endpoint() + "/" + bucket + "/dash/photo.jpg");
        HttpResponse<String> failed = http.upload("/1.0/upload", key, "broken.jpg", new byte[] {1, 2, 3}, null);
        assertThat(failed.statusCode()).isEqualTo(422);

        driver.get(base + "/dashboard/activity");
        WebElement row = driver.findElement(By.cssSelector("tr[data-job='" + Http.json(stored).get("id").asText() + "']"));
        assertThat(row.getText()).contains("completed", "photo.jpg", "800×600 → 400×300", "jpeg → jpeg",
                String.format(java.util.Locale.ROOT, "q%d, SSIM %.4f", Http.json(stored).at("/output/quality/encoder").asInt(),
                        Http.json(stored).at("/output/quality/score").asDouble()));
        assertThat(row.findElement(By.cssSelector("td.result a")).getAttribute("href")).isEqualTo(storedUrl);
        assertThat(driver.findElement(By.id("month-requests")).getText()).isEqualTo("2");
        assertThat(driver.findElements(By.cssSelector("figure.chart rect"))).hasSize(60);
        browser.screenshots("activity-with-jobs");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("status"))).selectByValue("failed");
        submit(driver.findElement(By.cssSelector("form.inline button")));
        assertThat(driver.getCurrentUrl()).endsWith("status=failed");
        List<WebElement> rows = driver.findElements(By.cssSelector("#jobs tbody tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("failed", "broken.jpg", "unsupported_format");
    }

    @Test
    void aKeyCreatedInTheDashboardWorksUntilItIsRevoked() {
        account("keys@example.com");
        signIn("keys@example.com", PASSWORD);
        driver.get(base + "/dashboard/keys");
        driver.findElement(By.id("label")).sendKeys("from the browser");
        submit(driver.findElement(By.id("create-key")));
        String secret = driver.findElement(By.id("issued-key")).getText();
        browser.screenshots("key-created");
        assertNoSidewaysScrollingOnAPhone("a new key");
        assertThat(http.get("/1.0/account", "Authorization", Http.basic(secret)).statusCode()).isEqualTo(200);
        driver.navigate().refresh();
        driver.get(base + "/dashboard/keys");
        assertThat(driver.getPageSource()).as("the secret is shown once").doesNotContain(secret);
        WebElement row = driver.findElements(By.cssSelector("#keys tbody tr")).stream()
                .filter(r -> r.getText().contains("from the browser")).findFirst().orElseThrow();
        assertThat(row.getText()).contains(secret.substring(0, 12)).doesNotContain("never");
        submit(row.findElement(By.cssSelector("button.revoke")));
        assertThat(driver.findElement(By.id("notice")).getText()).startsWith("Revoked the key " + secret.substring(0, 12));
        HttpResponse<String> refused = http.get("/1.0/account", "Authorization", Http.basic(secret));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Http.json(refused).get("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void theWebhookSecretIsShownOnDemandAndRotates() {
        Account account = account("hooks@example.com");
        signIn("hooks@example.com", PASSWORD);
        driver.get(base + "/dashboard/webhook");
        String before = app.accounts().webhookSecret(account.id());
        WebElement secret = driver.findElement(By.id("webhook-secret"));
        assertThat(secret.isDisplayed()).isFalse();
        driver.findElement(By.cssSelector("details summary")).click();
        assertThat(secret.getText()).isEqualTo(before);
        submit(driver.findElement(By.id("rotate")));
        String after = app.accounts().webhookSecret(account.id());
        assertThat(after).isNotEqualTo(before).startsWith("whsec_");
        assertThat(driver.findElement(By.id("notice")).getText()).startsWith("Rotated");
        assertThat(driver.getPageSource()).contains(after).doesNotContain(before);
    }

    @Test
    void noPageEverShowsAConnectorSecretAndDeletingAsksFirst() {
        account("secrets@example.com");
        signIn("secrets@example.com", PASSWORD);
        String id = createConnector("Secretive", WRONG_SECRET);
        List<String> pages = new java.util.ArrayList<>();
        pages.add(driver.getPageSource());
        testConnector(id);
        pages.add(driver.getPageSource());
        WebElement form = connectorForm("s3-compatible");
        form.findElement(By.name("name")).sendKeys("No endpoint");
        form.findElement(By.name("access_key_id")).sendKeys("test");
        form.findElement(By.name("secret_access_key")).sendKeys(WRONG_SECRET);
        submit(form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(driver.findElement(By.id("s3-compatible-endpoint-error")).getText())
                .startsWith("endpoint: an s3-compatible connector needs");
        assertThat(driver.findElement(By.cssSelector("details[data-provider='s3-compatible'] input[name=name]"))
                .getAttribute("value")).isEqualTo("No endpoint");
        browser.screenshots("connector-form-error");
        pages.add(driver.getPageSource());
        for (String page : List.of("activity", "connectors", "keys", "webhook", "connectors/" + id + "/delete")) {
            driver.get(base + "/dashboard/" + page);
            pages.add(driver.getPageSource());
        }
        assertThat(pages).allSatisfy(html -> assertThat(html).doesNotContain(WRONG_SECRET).doesNotContain("testsecret"));
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Delete the connector");
        browser.screenshots("connector-delete");
        submit(driver.findElement(By.id("confirm-delete")));
        assertThat(driver.findElement(By.id("notice")).getText()).startsWith("Deleted the connector");
        assertThat(driver.findElements(By.cssSelector("[data-connector='" + id + "']"))).isEmpty();
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        Account account = account("csrf@example.com");
        signIn("csrf@example.com", PASSWORD);
        driver.get(base + "/dashboard/keys");
        int keysBefore = app.keys().list(account.id()).size();
        driver.executeScript("document.querySelectorAll('input[name=csrf]').forEach(e => e.remove())");
        submit(driver.findElement(By.id("create-key")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Form refused");
        assertThat(driver.findElement(By.id("message")).getText()).contains("did not carry this session's security token");
        browser.screenshots("csrf-refused");
        assertThat(app.keys().list(account.id())).hasSize(keysBefore);

        driver.get(base + "/dashboard/sign-in");
        driver.executeScript("document.querySelector('input[name=csrf]').value = 'forged'");
        driver.findElement(By.id("email")).sendKeys("csrf@example.com");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        submit(driver.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Form refused");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndLaxAndSecureBehindTls() throws Exception {
        account("cookie@example.com");
        HttpResponse<String> signedIn = http.signInToDashboard("cookie@example.com", PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("compressor_session=").contains("; Path=/dashboard", "; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Secure"));

        try (Application behindTls = Application.open(ConfigLoader.load(Map.of("COMPRESSOR_PORT", "0",
                "COMPRESSOR_DATA_DIR", dir.resolve("tls").toString(), "COMPRESSOR_PUBLIC_URL", "https://images.example.com")))) {
            var tlsServer = behindTls.httpServer().start();
            try {
                HttpResponse<String> page = new Http(URI.create("http://127.0.0.1:" + tlsServer.port())).get("/dashboard/sign-in");
                assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).contains("; HttpOnly", "; Secure");
            } finally {
                tlsServer.close();
            }
        }
    }
}
