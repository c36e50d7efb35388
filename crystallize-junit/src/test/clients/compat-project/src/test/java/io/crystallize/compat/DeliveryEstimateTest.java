package io.crystallize.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An ordinary Jupiter test beside the experiments: it must run, and pass, in the same launch. */
class DeliveryEstimateTest {

    @Test
    void workingDaysSkipTheWeekend() {
        assertEquals(3, 1 + 2);
    }
}
