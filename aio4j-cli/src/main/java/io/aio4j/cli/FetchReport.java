package io.aio4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;

/**
 * Prints the results of {@code aio4j fetch} in the order the URLs were given, each as soon as it
 * and every one before it are done, and keeps a progress bar on the last line of a terminal's
 * stderr. Loop thread only.
 */
final class FetchReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long REDRAW_NANOS = 100_000_000L;

    private final FetchResult[] results;
    private final boolean json;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean progress;
    private int printed;
    private int done;
    private int failed;
    private long bytes;
    private long lastDraw;
    private boolean barShown;

    FetchReport(int urls, boolean json, PrintStream out, PrintStream err, boolean progress) {
        this.results = new FetchResult[urls];
        this.json = json;
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    /** Body bytes arrived for some URL. */
    void received(int n) {
        bytes += n;
        if (progress && System.nanoTime() - lastDraw > REDRAW_NANOS) {
            draw();
        }
    }

    /** A URL is done; prints it and whatever was waiting for it. */
    void done(int index, FetchResult r) {
        results[index] = r;
        done++;
        if (!r.ok()) {
            failed++;
        }
        clearBar();
        while (printed < results.length && results[printed] != null) {
            out.println(format(results[printed]));
            results[printed++] = null; // printed: its body need not stay
        }
        out.flush();
        if (progress && done < results.length) {
            draw();
        }
    }

    /** Says whether every URL succeeded. */
    boolean allOk() {
        return failed == 0 && done == results.length;
    }

    /** Removes the bar. */
    void finish() {
        clearBar();
    }

    private String format(FetchResult r) {
        if (!json) {
            return r.toLine();
        }
        try {
            return JSON.writeValueAsString(r.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fetch result did not turn into JSON: " + r.url(), e);
        }
    }

    private void draw() {
        int width = 30;
        int filled = results.length == 0 ? width : width * done / results.length;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + results.length
                + (failed > 0 ? " (" + failed + " failed)" : "") + "  " + human(bytes) + "\033[K");
        err.flush();
        barShown = true;
        lastDraw = System.nanoTime();
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r\033[K");
            err.flush();
            barShown = false;
        }
    }

    private static String human(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format("%.1f KiB", n / 1024.0);
        }
        return String.format("%.1f MiB", n / (1024.0 * 1024));
    }
}
