package io.crystallize.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.10.0", "1.10.5", "1.11.4", "1.12.2", "1.13.4", "1.14.4", "6.0.3", "6.1.3", "6.2.0-M1"})
    void supportedPlatformsRun(String version) {
        assertThat(PlatformVersion.unsupported(Optional.of(version))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.9.3", "1.8.2", "1.0.0"})
    void anOlderPlatformIsOneErrorNamingTheVersionFoundTheRangeAndTheFix(String version) {
        assertThat(PlatformVersion.unsupported(Optional.of(version))).hasValueSatisfying(message -> assertThat(message)
                .contains("JUnit Platform " + version, "JUnit Platform 1.10 to 1.14 (JUnit 5.10 to 5.14) or JUnit 6",
                        "org.junit:junit-bom"));
    }

    @Test
    void anUnknownVersionIsGivenTheBenefitOfTheDoubt() {
        assertThat(PlatformVersion.unsupported(Optional.empty())).isEmpty();
        assertThat(PlatformVersion.unsupported(Optional.of("DEV-SNAPSHOT"))).isEmpty();
    }

    @Test
    void theVersionFoundIsTheJarOnTheClassPath() {
        // this module's tests run on the JUnit it is built against
        assertThat(PlatformVersion.found()).hasValueSatisfying(v -> assertThat(v).startsWith("6."));
        assertThat(PlatformCancellation.Feature.TOKEN).isTrue();
        assertThat(PlatformDiscoveryIssues.Feature.ISSUES).isTrue();
    }
}
