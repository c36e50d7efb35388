package io.crystallize.junit;

import io.crystallize.report.Report;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Writes the report of an engine run under the results root when the run ends, after every
 * result is on disk (so the run's own timing is untouched), and prints where it is. A report that
 * cannot be written is a warning: the verdicts stand without it.
 */
final class RunReport {

    /** The report's folder under the results root. */
    static final String DIRECTORY = "report";

    private RunReport() {
    }

    static void write(ExecutionContext context, PrintStream out, PrintStream err) {
        Report report = context.report();
        if (!context.configuration().report() || report.size() == 0) {
            return;
        }
        Path directory = context.configuration().settings().artifactRoot().resolve(DIRECTORY).toAbsolutePath();
        try {
            Path index = report.write(directory);
            out.println("crystallize: report of " + report.size() + (report.size() == 1 ? " experiment: " : " experiments: ")
                    + index.toUri() + " (summary for CI: " + directory.resolve(Report.SUMMARY) + ")");
        } catch (IOException | RuntimeException e) {
            err.println("crystallize: WARNING the report could not be written to " + directory + ": " + e
                    + " (turn it off with " + Constants.REPORT_ENABLED + "=false)");
        }
    }
}
