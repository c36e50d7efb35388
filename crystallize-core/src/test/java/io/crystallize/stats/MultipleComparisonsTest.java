package io.crystallize.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MultipleComparisonsTest {

    @Test
    void keepsInputOrderAndCapsAtOne() {
        double[] p = {0.04, 0.01, 0.6, 0.03};
        assertThat(MultipleComparisons.bonferroni(p)).containsExactly(0.16, 0.04, 1.0, 0.12);
        assertThat(MultipleComparisons.holm(p)).containsExactly(0.09, 0.04, 0.6, 0.09);
        assertThat(MultipleComparisons.benjaminiHochberg(p)).containsExactly(0.04 * 4 / 3, 0.04, 0.6, 0.04 * 4 / 3);
        assertThat(MultipleComparisons.adjust(MultipleComparisons.Correction.HOLM, p))
                .containsExactly(MultipleComparisons.holm(p));
        assertThat(MultipleComparisons.adjust(MultipleComparisons.Correction.NONE, p)).containsExactly(p);
    }

    @Test
    void rejectsInvalidPValues() {
        assertThatThrownBy(() -> MultipleComparisons.holm(0.2, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MultipleComparisons.holm(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
