package io.crystallize.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JVM writing a report, for results that recorded no environment of their own. */
final class ThisJvm {

    private ThisJvm() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("java_version", System.getProperty("java.version"));
        env.put("java_vendor", System.getProperty("java.vendor"));
        env.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        return env;
    }
}
