package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** An ordinary JUnit Jupiter test: it runs beside the experiment in the same mvn test. */
class PriceModelTest {

    @Test
    void tenPercentOff() {
        assertEquals(36.0, new PriceModel(40.0).price(0.10), 1e-9);
    }

    @Test
    void aDiscountOfAHundredPercentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PriceModel(40.0).price(1.0));
    }
}
