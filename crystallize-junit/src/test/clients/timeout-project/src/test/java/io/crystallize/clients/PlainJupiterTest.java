package io.crystallize.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Another engine's test in the same build: untouched by the experiments that hang. */
class PlainJupiterTest {

    @Test
    void stillRuns() {
        assertEquals(4, 2 + 2);
    }
}
