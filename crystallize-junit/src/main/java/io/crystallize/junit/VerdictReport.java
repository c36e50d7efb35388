package io.crystallize.junit;

import io.crystallize.core.Result;
import io.crystallize.internal.text.Decimals;
import io.crystallize.hypothesis.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Publishes each verdict's statistics as a {@link ReportEntry} of its treatment test, and prints
 * its verdict lines to standard output while the test runs: Surefire ignores report entries but
 * records a test's output in its {@code TEST-*.xml} and shows it in the console, passing tests
 * included.
 */
final class VerdictReport {

    private VerdictReport() {
    }

    static void publish(TestDescriptor test, List<Verdict> verdicts, Result result, EngineExecutionListener listener) {
        for (Verdict verdict : verdicts) {
            listener.reportingEntryPublished(test, ReportEntry.from(entries(verdict, result)));
        }
    }

    /**
     * {@code method[treatment]: <verdict line>}, one line per metric, printed in one call; a line
     * says which of its two conditions took an earlier execution's runs, if any.
     */
    static void print(String testName, List<Verdict> verdicts, Result result) {
        StringBuilder lines = new StringBuilder();
        for (Verdict verdict : verdicts) {
            lines.append(testName).append(": ").append(verdict.message())
                    .append(Reused.suffix(result.reused(), verdict.treatment())).append(System.lineSeparator());
        }
        System.out.print(lines);
        System.out.flush();
    }

    static Map<String, String> entries(Verdict v, Result result) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("metric", v.metric());
        e.put("treatment", v.treatment());
        e.put("status", v.status().name());
        e.put("test", text(v.test()));
        e.put("method", text(v.method()));
        e.put("baselineMean", number(v.baselineMean()));
        e.put("treatmentMean", number(v.treatmentMean()));
        e.put("nBaseline", Integer.toString(v.nBaseline()));
        e.put("nTreatment", Integer.toString(v.nTreatment()));
        e.put("nPairs", Integer.toString(v.nPairs()));
        e.put("pValue", number(v.pValue()));
        e.put("adjustedPValue", number(v.adjustedPValue()));
        e.put("correction", text(v.correction()));
        e.put("alpha", number(v.alpha()));
        e.put("difference", number(v.difference()));
        e.put("relativePercent", number(v.relativePercent()));
        e.put("effectSize", number(v.effectSize()));
        e.put("effectSizeName", text(v.effectSizeName()));
        e.put("ci95", "[" + number(v.ciLow()) + ", " + number(v.ciHigh()) + "]");
        e.put("mde80", number(v.mde()));
        e.put("mde80Standardized", number(v.mdeStandardized()));
        e.put("masterSeed", Long.toString(result.masterSeed()));
        e.put("replicates", Integer.toString(result.replicates()));
        e.put("message", text(v.message()));
        String reused = Reused.describe(Reused.of(result.reused(), v.treatment()));
        if (!reused.isEmpty()) {
            e.put("reused", reused);
        }
        return e;
    }

    /** Six significant digits ({@code %.6g}). */
    private static String number(double value) {
        return Double.isFinite(value) ? Decimals.significant(value, 6) : Double.toString(value);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
