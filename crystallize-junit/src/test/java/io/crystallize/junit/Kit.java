package io.crystallize.junit;

import java.nio.file.Path;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The engine under test, with results written below a test's temporary directory. */
final class Kit {

    private Kit() {
    }

    static EngineTestKit.Builder engine(Path artifacts) {
        return EngineTestKit.engine(CrystallizeTestEngine.ENGINE_ID)
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(Constants.ARTIFACTS_ROOT, artifacts.toString());
    }
}
