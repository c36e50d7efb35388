package io.crystallize.hypothesis;

/**
 * The one-line message of a tested verdict, e.g. {@code revenue: ten_percent 1043.2 vs baseline
 * 1001.7 (+4.1%, 95% CI [+2.0%, +6.3%]), paired t p=0.0004 (Holm 0.0008) < 0.05 — SUPPORTED}.
 */
final class VerdictMessage {

    private VerdictMessage() {
    }

    /**
     * What a verifier added after the standard line of its verdict (e.g. the replicates a minimum
     * effect needs), so that re-deciding the verdict after the correction keeps it; "" when the
     * message is not the standard line of this very verdict followed by a note. The standard line
     * is written again from the verdict's values and compared, never parsed.
     */
    static String noteOf(Verdict v) {
        String message = v.message() == null ? "" : v.message();
        String standard = of(v);
        return message.startsWith(standard) ? message.substring(standard.length()) : "";
    }

    static String of(Verdict v) {
        StringBuilder m = new StringBuilder();
        m.append(v.metric()).append(": ").append(v.treatment()).append(' ')
                .append(Outcomes.number(v.treatmentMean())).append(" vs baseline ").append(Outcomes.number(v.baselineMean()));
        if (Double.isFinite(v.relativePercent())) {
            m.append(" (").append(Outcomes.percent(v.relativePercent()));
            if (Double.isFinite(v.relativeCiLow()) && v.relativeCiLow() != v.relativeCiHigh()) {
                m.append(", 95% CI [").append(Outcomes.percent(v.relativeCiLow())).append(", ")
                        .append(Outcomes.percent(v.relativeCiHigh())).append(']');
            }
            m.append(')');
        } else if (Double.isFinite(v.difference())) {
            m.append(" (").append(Outcomes.signed(v.difference())).append(')');
        }
        m.append(", ");
        if (Double.isNaN(v.statistic()) && v.method().startsWith("no variance")) {
            m.append(v.method());
        } else if (Double.isNaN(v.pValue())) {
            // decided by an interval (bootstrap): its first method part says which and why
            int end = v.method().indexOf(';');
            m.append(v.test()).append(' ').append(end < 0 ? v.method() : v.method().substring(0, end));
        } else {
            m.append(v.test()).append(" p=").append(Outcomes.p(v.pValue()));
            if (!Double.isNaN(v.adjustedPValue()) && !"none".equals(v.correction())) {
                m.append(" (").append(v.correction()).append(' ').append(Outcomes.p(v.adjustedPValue())).append(')');
            }
            double decisive = Double.isNaN(v.adjustedPValue()) ? v.pValue() : v.adjustedPValue();
            if (!Double.isNaN(v.alpha()) && !Double.isNaN(decisive)) {
                m.append(decisive < v.alpha() ? " < " : " >= ").append(withoutTrailingZeros(Outcomes.p(v.alpha())));
            }
            if (v.nPairs() >= 0) {
                m.append(", ").append(v.nPairs()).append(" pairs");
            }
        }
        m.append(" — ").append(v.status());
        return m.toString();
    }

    private static String withoutTrailingZeros(String number) {
        int end = number.length();
        while (end > 0 && number.charAt(end - 1) == '0') {
            end--;
        }
        return number.substring(0, end);
    }
}
