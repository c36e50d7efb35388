package io.crystallize.artifacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * How far retention got in an experiment directory, kept for the JVMs after this one: the file
 * {@value #FILE} beside the versions says that every version below a number was stripped with a
 * large-file threshold. A JVM whose threshold is the same or larger starts its first pass there;
 * one that strips more (a smaller threshold) walks every old version again. The record is
 * rewritten every {@value #EVERY} versions, so a first pass walks at most that many versions
 * twice, and never holds a version that was passed over while a writer was at work on it.
 * Readers of the layout list {@code v<n>} directories only; a damaged or missing record means a
 * full pass.
 */
final class StrippedRecord {

    /** The record's file in the experiment directory. */
    static final String FILE = ".crystallize_retention";
    /** How many more versions must be stripped before the record is written again. */
    static final long EVERY = 16;

    private static final String FORMAT = "stripped-below";
    private static final int LIMIT = 256;

    private StrippedRecord() {
    }

    /**
     * The first version not known to be stripped at {@code largeFileBytes} or more strictly; -1
     * when no usable record exists.
     */
    static long read(Path experimentDir, long largeFileBytes) {
        Path file = experimentDir.resolve(FILE);
        if (!java.nio.file.Files.exists(file)) {
            return -1; // the usual case until 16 versions were stripped: no exception made and caught
        }
        try {
            String[] fields = new String(Confined.read(experimentDir, file, LIMIT),
                    StandardCharsets.UTF_8).trim().split(" ");
            if (fields.length != 3 || !fields[0].equals(FORMAT)) {
                return -1;
            }
            long threshold = Long.parseLong(fields[1]);
            long below = Long.parseLong(fields[2]);
            return threshold <= largeFileBytes && below >= 0 ? below : -1;
        } catch (IOException | RuntimeException e) {
            return -1; // none, or damaged (or a link out of the results): walk every version, as without one
        }
    }

    /** Records that every version below {@code below} was stripped at {@code largeFileBytes}. */
    static void write(Path experimentDir, long largeFileBytes, long below) {
        try {
            Layout.writeAtomically(experimentDir.resolve(FILE),
                    (FORMAT + " " + largeFileBytes + " " + below + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // a courtesy to later JVMs: without it they walk every old version once
        }
    }
}
