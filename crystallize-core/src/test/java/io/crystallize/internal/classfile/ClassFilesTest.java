package io.crystallize.internal.classfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassFilesTest {

    /** The class directory this test was compiled into. */
    private static final Path TEST_CLASSES = directoryOf(ClassFilesTest.class);

    @Test
    void jdkClassesAreKnownByTheirPackage() {
        assertThat(ClassFiles.isJdk("java/lang/String")).isTrue();
        assertThat(ClassFiles.isJdk("java/util/concurrent/ConcurrentHashMap")).isTrue();
        assertThat(ClassFiles.isJdk("jdk/internal/misc/Unsafe")).isTrue();
        assertThat(ClassFiles.isJdk(internalName(ClassFilesTest.class))).isFalse();
        assertThat(ClassFiles.isJdk(internalName(Test.class))).isFalse();
        assertThat(ClassFiles.isJdk("Unpackaged")).isFalse();
    }

    @Test
    void findsWhatTheLoaderFindsAndAsksItOncePerClassDirectory() throws IOException {
        try (CountingLoader loader = new CountingLoader(TEST_CLASSES)) {
            ClassFiles files = new ClassFiles();

            URL first = files.find(loader, internalName(ClassFilesTest.class));
            assertThat(first).isEqualTo(loader.plainResource(internalName(ClassFilesTest.class) + ".class"));
            assertThat(loader.asked).containsExactly(internalName(ClassFilesTest.class) + ".class");

            // another class of the same directory: found there, the loader (and its parents) not asked
            URL second = files.find(loader, internalName(CountingLoader.class));
            assertThat(second).isEqualTo(loader.plainResource(internalName(CountingLoader.class) + ".class"));
            assertThat(loader.asked).hasSize(1);
            assertThat(read(second)).isEqualTo(Files.readAllBytes(TEST_CLASSES.resolve(internalName(CountingLoader.class)
                    + ".class")));
        }
    }

    @Test
    void classesOutsideTheKnownDirectoriesGoToTheLoader() throws IOException {
        try (CountingLoader loader = new CountingLoader(TEST_CLASSES)) {
            ClassFiles files = new ClassFiles();
            files.find(loader, internalName(ClassFilesTest.class));

            assertThat(files.find(loader, "no/such/Type")).isNull();
            // a JDK class: from the JDK, also through the loader
            URL string = files.find(loader, "java/lang/String");
            assertThat(string).isNotNull();
            assertThat(string.getProtocol()).isEqualTo("jrt");
            assertThat(loader.asked).containsExactly(internalName(ClassFilesTest.class) + ".class",
                    "no/such/Type.class", "java/lang/String.class");
        }
    }

    @Test
    void readsAClassFromItsDirectoryOrThroughItsLoader() throws IOException {
        assertThat(ClassFiles.read(ClassFilesTest.class))
                .isEqualTo(Files.readAllBytes(TEST_CLASSES.resolve(internalName(ClassFilesTest.class) + ".class")));
        byte[] string = ClassFiles.read(String.class);
        assertThat(string).isNotNull().startsWith((byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE);
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static Path directoryOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    /** A loader of one class directory that records every resource it is asked for. */
    static final class CountingLoader extends URLClassLoader {
        final List<String> asked = new ArrayList<>();

        CountingLoader(Path directory) throws IOException {
            super(new URL[] {directory.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        }

        @Override
        public URL getResource(String name) {
            asked.add(name);
            return super.getResource(name);
        }

        URL plainResource(String name) {
            return super.getResource(name);
        }
    }
}
