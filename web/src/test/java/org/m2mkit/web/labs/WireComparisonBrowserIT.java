package org.m2mkit.web.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.testing.RunningKit;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** A run over MQTT and LwM2M with legacy Modbus meters shows the per-protocol comparison after its cycle. */
class WireComparisonBrowserIT {

    @RegisterExtension
    static final RunningKit running = RunningKit.withBrowser();

    @Test
    void theConsoleComparesTheProtocolsOfOneSpikeOnTheWire() throws Exception {
        ChromeDriver browser = running.browser();
        running.signIn("student", "m2m-student", "/labs/live");

        WebElement meters = browser.findElement(By.id("meters"));
        meters.clear();
        meters.sendKeys("12");
        browser.findElement(By.cssSelector("input[name='protocol'][value='both']")).click();
        WebElement legacy = browser.findElement(By.id("legacy"));
        legacy.clear();
        legacy.sendKeys("2");
        browser.findElement(By.cssSelector("#start-form button[type='submit']")).click();
        running.waiting(90).until(d -> d.findElement(By.id("run-info")).getText().contains("over MQTT and LwM2M"));
        assertThat(browser.findElement(By.id("run-info")).getText()).contains("LwM2M server coap://127.0.0.1:");

        browser.findElement(By.id("spike-meter")).sendKeys("meter-07");
        running.waiting(90).until(d -> d.findElement(By.xpath("//button[normalize-space()='Inject spike']"))
                .isEnabled()).booleanValue();
        browser.findElement(By.xpath("//button[normalize-space()='Inject spike']")).click();
        running.waiting(90).until(d -> d.findElements(By.cssSelector("#wire-rows tr th")).size() == 3);

        List<String> rows = browser.findElements(By.cssSelector("#wire-rows tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows.get(0)).startsWith("MQTT / SenML-JSON");
        assertThat(rows.get(1)).startsWith("LwM2M / CoAP / SenML-CBOR");
        assertThat(rows.get(2)).startsWith("Modbus TCP polling").contains("33 B");
        // bytes of the same cycle: MQTT's JSON and topics against LwM2M's CBOR and short paths
        long mqttBytes = bytes(browser, 1);
        long lwm2mBytes = bytes(browser, 2);
        assertThat(mqttBytes).isGreaterThan(lwm2mBytes);

        ((JavascriptExecutor) browser).executeScript("document.getElementById('wire').scrollIntoView({block: 'start'})");
        java.nio.file.Path shots = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(shots.resolve("live-lab-wire-comparison.png"), browser.getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.xpath("//button[normalize-space()='Stop the run']")).click();
        running.waiting(60).until(d -> d.findElement(By.id("run-info")).getText().equals("No run is going."));
    }

    /** The "Bytes" cell of row {@code row} (from 1), as a number. */
    private static long bytes(ChromeDriver browser, int row) {
        String text = browser.findElement(By.cssSelector("#wire-rows tr:nth-child(" + row + ") td:nth-of-type(4)"))
                .getText();
        return Long.parseLong(text.replace(" B", "").strip());
    }
}
