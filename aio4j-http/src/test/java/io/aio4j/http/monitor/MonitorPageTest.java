package io.aio4j.http.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.EventLoop;
import io.aio4j.Future;
import io.aio4j.LoopOptions;
import io.aio4j.TaskGroup;
import io.aio4j.http.ClientResponse;
import io.aio4j.http.ClientSession;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The monitor's page in headless Chromium: it loads, shows a known task tree, and its cancel button
 * cancels that task. Chromium and its driver are Debian's ({@code .ci/run} installs them).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MonitorPageTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    EventLoop loop;
    Thread loopThread;
    Future<Void> stop;
    final CompletableFuture<String> victimOutcome = new CompletableFuture<>();
    final CompletableFuture<Void> started = new CompletableFuture<>();
    Monitor monitor;
    WebDriver browser;

    @BeforeEach
    void startAMonitoredLoop() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new AssertionError("CI must install chromium and chromium-driver for the monitor's page test");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed here");
        loop = EventLoop.create(LoopOptions.defaults().withName("monitored"));
        stop = loop.createFuture();
        loopThread = Thread.ofPlatform().name("monitored").start(() -> loop.runUntilComplete(loop.createTask(() -> {
            Aio.createTask(() -> TaskGroup.run(g -> {
                g.createTask(() -> Aio.sleep(Duration.ofHours(1)), "worker-1");
                g.createTask(() -> Aio.sleep(Duration.ofHours(1)), "worker-2");
            }), "supervisor");
            Aio.createTask(() -> {
                try {
                    Aio.sleep(Duration.ofHours(1));
                    victimOutcome.complete("slept");
                } catch (CancelledError e) {
                    victimOutcome.complete("cancelled: " + e.getMessage());
                    throw e;
                }
            }, "victim");
            started.complete(null);
            Aio.await(stop);
            for (var t : loop.allTasks()) {
                if (t != Aio.currentTask()) {
                    t.cancel();
                }
            }
            Aio.gatherReturnExceptions(loop.allTasks().stream().filter(t -> t != Aio.currentTask()).toList());
            return null;
        }, "main")));
        started.get(10, TimeUnit.SECONDS);
        monitor = Monitor.start(0);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (monitor != null) {
            monitor.close();
        }
        if (loop != null) {
            loop.callSoonThreadsafe(() -> stop.setResult(null));
            loopThread.join(10_000);
            loop.close();
        }
    }

    /** Reads the page, again if it redrew (every second) under the reading. */
    <T> T read(java.util.function.Function<WebDriver, T> reading) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(reading::apply);
    }

    String taskText(String name) {
        return read(d -> d.findElement(By.cssSelector("li.task[data-task-name='" + name + "']")).getText());
    }

    @Test
    void thePageShowsTheTaskTreeAndACancelClickCancelsTheTask() throws Exception {
        browser.get(monitor.url());
        read(d -> d.findElements(By.cssSelector("li.task[data-task-name='worker-2']")).isEmpty() ? null : true);

        assertThat(browser.getTitle()).isEqualTo("aio4j monitor");
        java.util.List<String> headings = read(d -> d.findElements(By.cssSelector("section.loop h2")).stream()
                .map(WebElement::getText).toList());
        assertThat(headings)
                .contains("loop 'monitored' on thread monitored")
                .noneMatch(h -> h.contains("aio4j-server")); // the monitor leaves its own loop out
        String worker = read(d -> d.findElement(By.xpath(
                "//li[@data-task-name='main']/ul/li[@data-task-name='supervisor']/ul/li[@data-task-name='worker-1']")).getText());
        assertThat(worker).contains("WAITING").contains("in TaskGroup-").contains("waits for sleep");
        assertThat(taskText("victim")).contains("waits for sleep");
        String taskCount = read(d -> d.findElement(By.cssSelector("dd[data-stat='tasks']")).getText());
        assertThat(taskCount).isEqualTo("5");

        String victimId = read(d -> d.findElement(By.cssSelector("li.task[data-task-name='victim']")).getAttribute("data-task-id"));
        read(d -> {
            d.findElement(By.cssSelector("button.cancel[data-task-id='" + victimId + "']")).click();
            return true;
        });
        assertThat(victimOutcome.get(10, TimeUnit.SECONDS)).isEqualTo("cancelled: cancelled from the aio4j monitor");
        read(d -> d.findElements(By.cssSelector("li.task[data-task-name='victim']")).isEmpty() ? true : null);
        int workers = read(d -> d.findElements(By.cssSelector("li.task[data-task-name='worker-1']")).size());
        assertThat(workers).isEqualTo(1);
    }

    @Test
    void theJsonEndpointAndTheCancelRoute() {
        Aio.run(() -> {
            try (ClientSession session = ClientSession.create()) {
                try (ClientResponse loops = session.get(monitor.url() + "api/loops")) {
                    assertThat(loops.status()).isEqualTo(200);
                    assertThat(loops.contentType()).isEqualTo("application/json");
                    assertThat(loops.text()).startsWith("[{\"loop\":\"monitored\"").contains("\"name\":\"worker-1\"")
                            .doesNotContain("aio4j-server");
                }
                try (ClientResponse unknown = session.post(monitor.url() + "api/tasks/999999999/cancel", r -> { })) {
                    assertThat(unknown.status()).isEqualTo(404);
                }
            }
        });
    }
}
