package io.crystallize.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The message formatting without the formatter writes exactly what {@code String.format} writes. */
class DecimalsTest {

    /** Random magnitudes from 1e-12 to 1e12, both signs, plus halfway and boundary cases. */
    static List<Double> values() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.05, 0.15, 0.25, 1.0005, 2.5, -2.5, 9.9995, 99.95,
                999.5, 0.00009999, 0.000099996, 0.0001, 0.00099995, 9.9996e-5, 999999.5, 1e6, 123456789.0, -0.00001,
                -0.0004, Double.MIN_VALUE, 1e-300, 1e300));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(-12, 13));
            double v = random.nextDouble() * magnitude * (random.nextBoolean() ? 1 : -1);
            values.add(v);
            // values with few digits hit the rounding boundaries (…5 after the kept digits)
            values.add(Math.round(v * 1e4) / 1e4);
        }
        return values;
    }

    @Test
    void fixedMatchesTheFormatter() {
        for (double v : values()) {
            for (int decimals = 0; decimals <= 6; decimals++) {
                assertThat(Decimals.fixed(v, decimals)).as("%.%df of %s", decimals, v)
                        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
            }
        }
    }

    @Test
    void significantMatchesTheFormatter() {
        for (double v : values()) {
            for (int digits = 1; digits <= 6; digits++) {
                assertThat(Decimals.significant(v, digits)).as("%.%dg of %s", digits, v)
                        .isEqualTo(String.format(Locale.ROOT, "%." + digits + "g", v));
            }
        }
    }

    @Test
    void readableKeepsFourToFiveFiguresAndSpellsOutWhatIsNotANumber() {
        assertThat(Decimals.readable(Double.NaN)).isEqualTo("NaN");
        assertThat(Decimals.readable(Double.NEGATIVE_INFINITY)).isEqualTo("-∞");
        assertThat(Decimals.readable(0)).isEqualTo("0.0000");
        assertThat(Decimals.readable(0.123456)).isEqualTo("0.1235");
        assertThat(Decimals.readable(12.34567)).isEqualTo("12.346");
        assertThat(Decimals.readable(-4567.89)).isEqualTo("-4567.9");
        assertThat(Decimals.readable(12_345_678)).isEqualTo("1.23e+07");
        assertThat(Decimals.readable(0.000123456)).isEqualTo("0.000123");
    }
}
