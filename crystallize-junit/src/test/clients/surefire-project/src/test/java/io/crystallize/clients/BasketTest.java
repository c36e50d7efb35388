package io.crystallize.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A plain Jupiter test in the same launch as the experiment: it must run whatever the engine does. */
class BasketTest {

    @Test
    void basketIsAHundred() {
        assertEquals(100.0, new CheckoutExperimentTest().basket());
    }
}
