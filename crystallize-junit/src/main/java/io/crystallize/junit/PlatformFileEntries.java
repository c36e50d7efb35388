package io.crystallize.junit;

import java.nio.file.Path;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;

/**
 * Attaches a file or directory to a test node where the platform can (file entries exist from
 * Platform 1.12 on); on older platforms the path stays in the node's report entry only.
 */
final class PlatformFileEntries {

    private static final boolean FILE_ENTRIES = hasFileEntries();

    private PlatformFileEntries() {
    }

    /** Publishes {@code path} (which must exist) as a file entry of {@code node} when the platform supports it. */
    static void publish(EngineExecutionListener listener, TestDescriptor node, Path path) {
        if (FILE_ENTRIES) {
            PublishedFileEntry.publish(listener, node, path);
        }
    }

    private static boolean hasFileEntries() {
        try {
            Class.forName("org.junit.platform.engine.reporting.FileEntry", false,
                    EngineExecutionListener.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The only code naming {@code FileEntry}: linked only where the platform has it. */
    private static final class PublishedFileEntry {
        private PublishedFileEntry() {
        }

        static void publish(EngineExecutionListener listener, TestDescriptor node, Path path) {
            listener.fileEntryPublished(node, org.junit.platform.engine.reporting.FileEntry.from(path, null));
        }
    }
}
