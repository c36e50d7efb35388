package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The READMEs' configuration tables, the Javadoc of {@link Constants} and the engine agree: the
 * same keys, and each documented default is the one the engine uses when the key is unset. Any
 * {@code crystallize.*} key named in a main source or a README exists.
 */
class ConfigurationKeysDocumentedTest {

    private static final Path ROOT = Path.of(System.getProperty("crystallize.repository.root", ".."));
    private static final Pattern ROW = Pattern.compile("^\\| `(crystallize\\.[^`]+)` \\| ([^|]+) \\|");
    /** A key, not a package ({@code io.crystallize.junit}), a Maven property, a family ({@code crystallize.default.*}) or a typo shown on purpose. */
    private static final Pattern KEY_NAMED = Pattern.compile(
            "(?<![\\w.${/<-])crystallize\\.[a-z]++(?:\\.[a-zA-Z]++)*+(?!\\.\\*| \\(did you mean)");
    private static final Pattern FIELD = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*public static final String \\w+ = \"([^\"]+)\";", Pattern.DOTALL);
    private static final Pattern JAVADOC_DEFAULT = Pattern.compile("Default:\\s*(?:\\{@code ([^}]+)}|(none))");
    private static final String UNSET = "none";

    /** What the engine does with no key set, as the tables write it: the code is the reference. */
    private static Map<String, String> effectiveDefaults() {
        EngineConfiguration c = EngineConfiguration.read(new ConfigurationTest.Parameters(Map.of(), new AtomicInteger()));
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(Constants.DEFAULT_REPLICATES, Integer.toString(c.settings().defaultReplicates()));
        defaults.put(Constants.DEFAULT_SEED, Long.toString(c.settings().defaultSeed()));
        defaults.put(Constants.DEFAULT_ALPHA, Double.toString(c.settings().defaultAlpha()));
        defaults.put(Constants.OVERRIDE_REPLICATES, text(c.settings().replicatesOverride()));
        defaults.put(Constants.OVERRIDE_SEED, text(c.settings().seedOverride()));
        defaults.put(Constants.ARTIFACTS_ROOT, c.settings().artifactRoot().toString());
        defaults.put(Constants.PARALLELISM, Integer.toString(c.settings().parallelism()));
        defaults.put(Constants.TIMEOUT, text(c.timeout()));
        defaults.put(Constants.FORKS, c.forks() == null ? UNSET : Integer.toString(c.forks().forks()));
        defaults.put(Constants.FORK_JVM_OPTIONS, c.forks() == null ? UNSET : String.join(" ", c.forks().jvmOptions()));
        defaults.put(Constants.FRESH_FORKS, c.forks() == null ? "0" : Integer.toString(c.forks().freshPerCondition()));
        defaults.put(Constants.CLUSTER, c.cluster() == null ? UNSET : "set");
        defaults.put(Constants.CLUSTER_MEMBERS, UNSET); // only read with a cluster
        defaults.put(Constants.CLUSTER_SECRET, UNSET); // then the environment's CRYSTALLIZE_CLUSTER_SECRET
        defaults.put(Constants.CLUSTER_WORKERS, ClusterKeys.DEFAULT_WORKERS);
        defaults.put(Constants.INCONCLUSIVE_GATE, c.inconclusiveGate().name().toLowerCase(Locale.ROOT));
        defaults.put(Constants.TOLERATED_FAILURES, trimmed(c.settings().toleratedFailureFraction()));
        defaults.put(Constants.UNSELECTED, c.warnUnselected() ? "warn" : "ignore");
        defaults.put(Constants.REPORT_ENABLED, Boolean.toString(c.report()));
        defaults.put(Constants.RESUME, Boolean.toString(c.resume()));
        defaults.put(Constants.PROGRESS, c.settings().progressInterval() == null ? "off" : "on");
        defaults.put(Constants.REUSE, c.settings().reuse().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return defaults;
    }

    @Test
    void everyKeyHasItsEffectiveDefault() {
        assertThat(effectiveDefaults().keySet()).containsExactlyInAnyOrderElementsOf(Constants.keys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "crystallize-junit/README.md"})
    void theReadmeTableListsEveryKeyWithItsDefault(String readme) throws IOException {
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve(readme), StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                table.put(row.group(1), normalized(row.group(2)));
            }
        }

        assertThat(table).as(readme).isEqualTo(normalizedValues(effectiveDefaults()));
    }

    @Test
    void theJavadocOfEveryConstantStatesItsDefault() throws IOException {
        String source = Files.readString(ROOT.resolve("crystallize-junit/src/main/java/io/crystallize/junit/Constants.java"));
        Map<String, String> javadoc = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(source);
        while (field.find()) {
            Matcher stated = JAVADOC_DEFAULT.matcher(field.group(1).replaceAll("\\s*\\*\\s*", " "));
            javadoc.put(field.group(2), stated.find() ? normalized(Optional.ofNullable(stated.group(1))
                    .orElse(stated.group(2))) : "(no default stated)");
        }

        assertThat(javadoc).isEqualTo(normalizedValues(effectiveDefaults()));
    }

    @Test
    void everyKeyNamedInSourcesAndReadmesExists() throws IOException {
        Set<String> named = new TreeSet<>();
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"),
                ROOT.resolve("crystallize-junit/README.md")));
        for (String module : List.of("crystallize-core", "crystallize-junit", "crystallize-processor")) {
            try (Stream<Path> sources = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                sources.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        for (Path file : files) {
            Matcher key = KEY_NAMED.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (key.find()) {
                named.add(key.group());
            }
        }

        assertThat(named).isNotEmpty().allSatisfy(key -> assertThat(Constants.keys()).as(key).contains(key));
    }

    private static Map<String, String> normalizedValues(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, normalized(v)));
        return out;
    }

    /** {@code `abort`} and abort, none and —, 0.05 and 0.050 are written alike. */
    private static String normalized(String cell) {
        String v = cell.replace("`", "").trim();
        if (v.equals("—") || v.equals("-") || v.equalsIgnoreCase(UNSET)) {
            return UNSET;
        }
        try {
            return trimmed(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static String trimmed(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String text(Optional<?> value) {
        return value.map(Object::toString).orElse(UNSET);
    }
}
