package io.crystallize.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReportTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void aFigureIsTheMedianOfEveryForksIterationsNotTheMean() {
        // JMH's rawData: one array of measurement iterations per fork; one disturbed iteration
        String rawData = "[[10.0, 11.0, 30.0], [9.0, 12.0, 10.5]]";
        assertEquals(10.75, Report.median(MAPPER.readTree(rawData)), 0.0);
        assertEquals(11.0, Report.median(MAPPER.readTree("[[11.0, 90.0, 1.0]]")), 0.0);
    }

    @Test
    void aBenchmarkWithoutIterationsIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Report.median(MAPPER.readTree("[[]]")));
        assertEquals("a benchmark without measurement iterations: [[]]", e.getMessage());
    }
}
