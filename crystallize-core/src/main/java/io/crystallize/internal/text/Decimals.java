package io.crystallize.internal.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code String.format(Locale.ROOT, "%.Nf" / "%.Ng", v)} for finite values, without the
 * formatter: a verdict message formats a dozen numbers and the formatter's parsing and
 * allocation were a third of a verdict's time. Like the formatter, both round the shortest
 * decimal representation of the double half-up, and keep the sign of values that round to zero.
 * Public for the JUnit engine's report entries.
 */
public final class Decimals {

    private static final BigDecimal SCIENTIFIC_BELOW = new BigDecimal("0.0001");
    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** Where a scaled value is exact enough to round in binary: below 2^52 and away from a tie. */
    private static final double EXACT_BELOW = 0x1p52;

    private Decimals() {
    }

    /**
     * A number as verdict messages and the report show it: four to five significant figures,
     * scientific beyond 10^6 and below 10^-3, "NaN" and "∞" spelled out.
     */
    public static String readable(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) {
            return significant(v, 3);
        }
        return fixed(v, a >= 100 ? 1 : a >= 1 ? 3 : 4);
    }

    /** {@code %.<decimals>f}. */
    public static String fixed(double v, int decimals) {
        double a = Math.abs(v);
        if (decimals < POWERS.length) {
            long digits = roundedOrMinusOne(a * POWERS[decimals]);
            if (digits >= 0) {
                return signed(v, plain(digits, decimals));
            }
        }
        BigDecimal rounded = BigDecimal.valueOf(a).setScale(decimals, RoundingMode.HALF_UP);
        return signed(v, rounded.toPlainString());
    }

    /**
     * {@code scaled} rounded half-up, or −1 when binary rounding might differ from rounding the
     * shortest decimal form: near a tie (the two differ by at most 2^-52 relative) or too large
     * for a fraction.
     */
    private static long roundedOrMinusOne(double scaled) {
        if (!(scaled < EXACT_BELOW)) {
            return -1;
        }
        double floor = Math.floor(scaled);
        double fromTie = Math.abs(scaled - floor - 0.5);
        if (fromTie <= 1e-9 * Math.max(1, scaled)) {
            return -1;
        }
        return (long) floor + (scaled - floor > 0.5 ? 1 : 0);
    }

    /** {@code digits} × 10^-decimals written out: "12.340" for (12340, 3). */
    private static String plain(long digits, int decimals) {
        String text = Long.toString(digits);
        if (decimals == 0) {
            return text;
        }
        StringBuilder s = new StringBuilder(decimals + 4);
        int integerDigits = text.length() - decimals;
        if (integerDigits <= 0) {
            s.append("0.");
            for (int i = integerDigits; i < 0; i++) {
                s.append('0');
            }
            return s.append(text).toString();
        }
        return s.append(text, 0, integerDigits).append('.').append(text, integerDigits, text.length()).toString();
    }

    /**
     * {@code %.<digits>g}: the value rounded to {@code digits} significant digits, written plainly
     * when 10^-4 ≤ |rounded| &lt; 10^digits and in scientific notation ({@code 1.23e+06}) otherwise.
     */
    public static String significant(double v, int digits) {
        double a = Math.abs(v);
        if (a == 0) {
            return signed(v, fixed(0, digits - 1));
        }
        String fast = significantInBinary(a, digits);
        if (fast != null) {
            return signed(v, fast);
        }
        BigDecimal rounded = BigDecimal.valueOf(a).round(new MathContext(digits, RoundingMode.HALF_UP));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (rounded.compareTo(SCIENTIFIC_BELOW) >= 0 && exponent < digits) {
            return signed(v, rounded.setScale(digits - 1 - exponent, RoundingMode.UNNECESSARY).toPlainString());
        }
        String mantissa = rounded.unscaledValue().toString();
        StringBuilder s = new StringBuilder(digits + 6).append(mantissa.charAt(0));
        if (digits > 1) {
            s.append('.').append(mantissa, 1, Math.min(mantissa.length(), digits));
            for (int i = mantissa.length(); i < digits; i++) {
                s.append('0');
            }
        }
        s.append(exponent < 0 ? "e-" : "e+");
        int e = Math.abs(exponent);
        if (e < 10) {
            s.append('0');
        }
        return signed(v, s.append(e).toString());
    }

    /** {@link #significant} of a positive value without BigDecimal, or null where that is not exact. */
    private static String significantInBinary(double a, int digits) {
        if (digits >= 16 || !(a > 1e-300 && a < 1e300)) {
            return null;
        }
        int exponent = (int) Math.floor(Math.log10(a));
        int decimals = digits - 1 - exponent;
        double scaled;
        if (decimals >= 0 && decimals < POWERS.length) {
            scaled = a * POWERS[decimals];
        } else if (decimals < 0 && -decimals < POWERS.length) {
            scaled = a / POWERS[-decimals];
        } else {
            return null;
        }
        if (scaled < POWERS[digits - 1] || scaled >= POWERS[digits]) {
            return null; // log10 was off by one next to a power of ten
        }
        long n = roundedOrMinusOne(scaled);
        if (n < 0) {
            return null;
        }
        if (n == (long) POWERS[digits]) {
            n /= 10; // 9.996 → 10.0: one more integer digit
            exponent++;
            decimals--;
        }
        if (exponent >= -4 && exponent < digits) {
            return plain(n, decimals);
        }
        String mantissa = Long.toString(n);
        StringBuilder s = new StringBuilder(digits + 6).append(mantissa.charAt(0));
        if (digits > 1) {
            s.append('.').append(mantissa, 1, digits);
        }
        int e = Math.abs(exponent);
        return s.append(exponent < 0 ? "e-" : "e+").append(e < 10 ? "0" : "").append(e).toString();
    }

    private static String signed(double v, String magnitude) {
        return v < 0 || (v == 0 && 1 / v < 0) ? "-" + magnitude : magnitude;
    }
}
