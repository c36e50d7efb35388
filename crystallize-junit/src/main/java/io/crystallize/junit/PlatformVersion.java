package io.crystallize.junit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestEngine;

/**
 * The JUnit Platform the engine was loaded with, and whether the engine supports it. The engine
 * works with Platform 1.10 to 1.14 (JUnit 5.10 to 5.14) and with JUnit 6; features a platform
 * lacks are detected by {@link PlatformCancellation} and {@link PlatformDiscoveryIssues}, not
 * inferred from this version.
 */
final class PlatformVersion {

    /** The supported range as users read it, in every message about an unsupported platform. */
    static final String SUPPORTED = "JUnit Platform 1.10 to 1.14 (JUnit 5.10 to 5.14) or JUnit 6";

    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+).*");

    private PlatformVersion() {
    }

    /** The version of the {@code junit-platform-engine} jar on the class path, when its manifest names one. */
    static Optional<String> found() {
        Package platform = TestEngine.class.getPackage();
        return Optional.ofNullable(platform == null ? null : platform.getImplementationVersion());
    }

    /**
     * Why the engine cannot run on the platform {@code version}, or empty when it can. An unknown
     * version (a repackaged platform without a manifest) is given the benefit of the doubt.
     */
    static Optional<String> unsupported(Optional<String> version) {
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = MAJOR_MINOR.matcher(version.get());
        if (!m.matches()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major > 1 || minor >= 10) {
            return Optional.empty();
        }
        return Optional.of("the crystallize engine needs " + SUPPORTED + ", but the class path has JUnit Platform "
                + version.get() + " (JUnit 5." + minor + "); import org.junit:junit-bom 5.10 or newer in "
                + "<dependencyManagement> (or upgrade the JUnit dependencies the build declares)");
    }
}
