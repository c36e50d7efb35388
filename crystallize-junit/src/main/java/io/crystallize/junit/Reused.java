package io.crystallize.junit;

import io.crystallize.base.Names;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** How verdicts and summaries say that conditions took an earlier execution's runs. */
final class Reused {

    private Reused() {
    }

    /** The reused conditions among the baseline and {@code treatment}. */
    static Map<String, String> of(Map<String, String> reused, String treatment) {
        Map<String, String> out = new LinkedHashMap<>();
        if (reused.containsKey(Names.BASELINE)) {
            out.put(Names.BASELINE, reused.get(Names.BASELINE));
        }
        if (treatment != null && reused.containsKey(treatment)) {
            out.put(treatment, reused.get(treatment));
        }
        return out;
    }

    /** {@code baseline from v3, fast from v3}; empty when nothing was reused. */
    static String describe(Map<String, String> reused) {
        StringJoiner text = new StringJoiner(", ");
        reused.forEach((condition, source) -> text.add(condition + " from " + source));
        return text.toString();
    }

    /** {@code  (runs reused: baseline from v3)}, or empty. */
    static String suffix(Map<String, String> reused, String treatment) {
        String text = describe(of(reused, treatment));
        return text.isEmpty() ? "" : " (runs reused: " + text + ")";
    }
}
