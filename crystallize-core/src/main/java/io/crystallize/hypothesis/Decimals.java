package io.crystallize.hypothesis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code String.format(Locale.ROOT, "%.Nf" / "%.Ng", v)} for finite values, without the
 * formatter: a verdict message formats a dozen numbers and the formatter's parsing and
 * allocation were a third of a verdict's time. Like the formatter, both round the shortest
 * decimal representation of the double half-up, and keep the sign of values that round to zero.
 */
final class Decimals {

    private static final BigDecimal SCIENTIFIC_BELOW = new BigDecimal("0.0001");

    private Decimals() {
    }

    /** {@code %.<decimals>f}. */
    static String fixed(double v, int decimals) {
        BigDecimal rounded = BigDecimal.valueOf(Math.abs(v)).setScale(decimals, RoundingMode.HALF_UP);
        return signed(v, rounded.toPlainString());
    }

    /**
     * {@code %.<digits>g}: the value rounded to {@code digits} significant digits, written plainly
     * when 10^-4 ≤ |rounded| < 10^digits and in scientific notation ({@code 1.23e+06}) otherwise.
     */
    static String significant(double v, int digits) {
        double a = Math.abs(v);
        if (a == 0) {
            return signed(v, fixed(0, digits - 1));
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

    private static String signed(double v, String magnitude) {
        return v < 0 || (v == 0 && 1 / v < 0) ? "-" + magnitude : magnitude;
    }
}
