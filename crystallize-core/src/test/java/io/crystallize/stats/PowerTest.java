package io.crystallize.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerTest {

    @Test
    void noncentralTMatchesSciPy() {
        // scipy.stats.nct 1.17.1
        assertThat(NoncentralT.cdf(-2.1, 7, 1.3)).isCloseTo(0.0015571480292942586, within(1e-12));
        assertThat(NoncentralT.survival(2.5, 30, 3.2)).isCloseTo(0.753804190938228, within(1e-12));
        assertThat(NoncentralT.cdf(3.0, 15, -1.0)).isCloseTo(0.9997767076100688, within(1e-12));
        assertThat(NoncentralT.survival(1.7, 200, 12.0)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void zeroEffectHasPowerAlpha() {
        assertThat(Power.pairedT(0, 20, 0.05, Alternative.TWO_SIDED)).isCloseTo(0.05, within(1e-12));
        assertThat(Power.studentT(0, 20, 0.01, Alternative.GREATER)).isCloseTo(0.01, within(1e-12));
        assertThat(Power.studentT(0, 20, 0.01, Alternative.LESS)).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void minimalDetectableEffectHasTheTargetPower() {
        for (Alternative a : Alternative.values()) {
            double mde = Power.mdePairedT(25, 0.05, a, 0.8);
            double signed = a == Alternative.LESS ? -mde : mde;
            assertThat(Power.pairedT(signed, 25, 0.05, a)).isCloseTo(0.8, within(1e-10));
            double d = Power.mdeStudentT(25, 0.05, a, 0.8);
            assertThat(Power.studentT(a == Alternative.LESS ? -d : d, 25, 0.05, a)).isCloseTo(0.8, within(1e-10));
        }
    }

    @Test
    void sampleSizeIsTheSmallestReachingThePower() {
        int n = Power.nPerSideStudentT(0.5, 0.05, Alternative.TWO_SIDED, 0.8);
        assertThat(n).isEqualTo(64); // the textbook figure for d = 0.5
        assertThat(Power.studentT(0.5, n, 0.05, Alternative.TWO_SIDED)).isGreaterThanOrEqualTo(0.8);
        assertThat(Power.studentT(0.5, n - 1, 0.05, Alternative.TWO_SIDED)).isLessThan(0.8);
        int pairs = Power.nPairsPairedT(0.3, 0.05, Alternative.GREATER, 0.8);
        assertThat(Power.pairedT(0.3, pairs, 0.05, Alternative.GREATER)).isGreaterThanOrEqualTo(0.8);
        assertThat(Power.pairedT(0.3, pairs - 1, 0.05, Alternative.GREATER)).isLessThan(0.8);
    }

    @Test
    void rankTestsNeedAboutPiOverThreeTimesTheSamples() {
        int t = Power.nPerSideStudentT(0.5, 0.05, Alternative.TWO_SIDED, 0.8);
        int rank = Power.nPerSideMannWhitney(0.5, 0.05, Alternative.TWO_SIDED, 0.8);
        assertThat(rank).isEqualTo((int) Math.ceil(t * Math.PI / 3));
        assertThat(Power.mdeMannWhitney(30, 0.05, Alternative.TWO_SIDED, 0.8))
                .isGreaterThan(Power.mdeStudentT(30, 0.05, Alternative.TWO_SIDED, 0.8));
        assertThat(Power.mdeWilcoxon(30, 0.05, Alternative.GREATER, 0.8))
                .isCloseTo(Power.mdePairedT(30 * 3 / Math.PI, 0.05, Alternative.GREATER, 0.8), within(1e-12));
    }
}
