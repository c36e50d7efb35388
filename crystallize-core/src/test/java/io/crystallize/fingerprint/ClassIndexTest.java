package io.crystallize.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An index of a loader's classes lives as long as the loader, and does not keep it alive. */
class ClassIndexTest {

    @Test
    void anIndexDoesNotKeepItsLoaderAlive() throws Exception {
        WeakReference<ClassLoader> gone = indexedLoader();

        for (int i = 0; i < 50 && gone.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertThat(gone.get()).as("the loader, once nothing but its index refers to it").isNull();
    }

    /** A loader whose index has read a class file through it; nothing else keeps it. */
    private static WeakReference<ClassLoader> indexedLoader() throws Exception {
        Path classes = Path.of(ClassIndexTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        ClassIndex index = ClassIndex.of(loader);
        assertThat(index.entry(ClassIndexTest.class.getName().replace('.', '/'))).hasValueSatisfying(
                entry -> assertThat(entry.isProject()).isTrue());
        loader.close();
        return new WeakReference<>(loader);
    }
}
