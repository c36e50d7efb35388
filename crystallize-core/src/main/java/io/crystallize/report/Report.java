package io.crystallize.report;

import io.crystallize.artifacts.ArtifactPlugin;
import io.crystallize.core.Result;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A report of experiments' results for people: a folder that opens from disk in any browser, with
 * no network access, and a Markdown summary for CI job summaries and pull-request comments.
 *
 * <pre>
 * &lt;directory&gt;/index.html                 every experiment and every verdict, failing first
 * &lt;directory&gt;/summary.md                 the verdict table in Markdown, linking into the pages
 * &lt;directory&gt;/experiments/&lt;name&gt;.html    one page per experiment
 * </pre>
 *
 * Each experiment's page holds the verdict table (means, difference and relative change with
 * 95% CIs, test and method, raw and adjusted p, effect size, sizes, minimal detectable effect),
 * a forest plot per hypothesis and metric drawn against zero and the hypothesis's margins with
 * the better direction to the right, every condition's distribution per metric (and the paired
 * differences for paired tests), the history of each metric's mean and CI across the earlier
 * versions stored beside it, the configuration, replicate seeds and environment, failed runs
 * with their stack traces, and links to the stored files. Every page is one self-contained file:
 * its style, chart data and drawing script are inside it. Tables hold exact statistics; plots of
 * large samples show evenly spaced quantiles of them.
 *
 * <p>Add results, then {@link #write(Path)}; pages of experiments no longer in the report are
 * removed from the folder, and {@code history-cache.json} keeps the means of stored versions
 * already read, so later reports do not parse them again. Safe to add from several threads.
 */
public final class Report {

    /** The first page. */
    public static final String INDEX = "index.html";
    /** The Markdown summary. */
    public static final String SUMMARY = "summary.md";
    /** The folder of experiment pages. */
    public static final String EXPERIMENTS = "experiments";

    /** The file keeping the means of stored versions already read, for the history. */
    static final String HISTORY_CACHE = "history-cache.json";

    private record Source(Result result, Path versionDirectory) {
    }

    private final List<Source> sources = new ArrayList<>();

    /** A report of one result that was not stored: no history, and the environment of this JVM. */
    public synchronized Report add(Result result) {
        sources.add(new Source(Objects.requireNonNull(result, "result"), null));
        return this;
    }

    /**
     * A report of a result stored in {@code versionDirectory} ({@code <root>/<experiment>/v<n>}),
     * whose metadata gives the parameters and environment and whose sibling versions give the
     * history. Metadata not yet written (results still being written) is left out.
     */
    public synchronized Report add(Result result, Path versionDirectory) {
        sources.add(new Source(Objects.requireNonNull(result, "result"), versionDirectory));
        return this;
    }

    /**
     * A report of the result stored in {@code versionDirectory}, read now.
     *
     * @throws FileNotFoundException when the version's results are not (completely) written
     */
    public synchronized Report add(Path versionDirectory) throws IOException {
        sources.add(new Source(ArtifactPlugin.readResult(versionDirectory), versionDirectory));
        return this;
    }

    /** Experiments added so far. */
    public synchronized int size() {
        return sources.size();
    }

    /**
     * Writes the report into {@code directory} (created if missing), replacing an earlier report
     * there.
     *
     * @return the index page
     */
    public Path write(Path directory) throws IOException {
        List<Source> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(sources);
        }
        Instant generated = Instant.now();
        Path pages = directory.resolve(EXPERIMENTS);
        Files.createDirectories(pages);
        List<ExperimentEntry> entries = new ArrayList<>();
        Set<String> written = new HashSet<>();
        HistoryCache cache = HistoryCache.read(directory.resolve(HISTORY_CACHE));
        for (Source source : snapshot) {
            // experiment names are plain (letters, digits, _ . -): a file name as they are
            String name = source.result().experiment();
            String file = name + ".html";
            for (int i = 2; !written.add(file); i++) {
                file = name + "-" + i + ".html";
            }
            String page = EXPERIMENTS + "/" + Links.encode(file);
            ExperimentEntry entry = new ExperimentEntry(source.result(), source.versionDirectory(),
                    metadata(source.versionDirectory()), page, VerdictRow.of(name, page, source.result().hypotheses()));
            writeFile(pages.resolve(file), new ExperimentPage(entry, pages, cache).render(generated));
            entries.add(entry);
        }
        cache.write(directory.resolve(HISTORY_CACHE));
        removeStalePages(pages, written);
        writeFile(directory.resolve(SUMMARY), Summary.render(entries));
        Path index = directory.resolve(INDEX);
        writeFile(index, IndexPage.render(entries, generated));
        return index;
    }

    /** Writes a report of one result that was not stored into {@code directory}; returns the index page. */
    public static Path write(Result result, Path directory) throws IOException {
        return new Report().add(result).write(directory);
    }

    /** Writes a report of the result stored in {@code versionDirectory} into {@code directory}; returns the index page. */
    public static Path write(Path versionDirectory, Path directory) throws IOException {
        return new Report().add(versionDirectory).write(directory);
    }

    private static Map<String, Object> metadata(Path versionDirectory) throws IOException {
        if (versionDirectory == null) {
            return Map.of();
        }
        try {
            return ArtifactPlugin.readMetadata(versionDirectory);
        } catch (FileNotFoundException e) {
            return Map.of();
        }
    }

    private static void removeStalePages(Path pages, Set<String> written) throws IOException {
        try (Stream<Path> files = Files.list(pages)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".html") && !written.contains(name)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Writes a report file over the old one in place: a reader may briefly see a page half
     * written, which a reload mends, and rewriting keeps the file's inode, where a temporary file
     * and a rename would allocate one per page on every run (slow on filesystems that scan past
     * recently deleted inodes).
     */
    static void writeFile(Path target, String content) throws IOException {
        Files.writeString(target, content, StandardCharsets.UTF_8);
    }
}
