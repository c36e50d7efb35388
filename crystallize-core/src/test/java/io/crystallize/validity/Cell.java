package io.crystallize.validity;

import java.util.List;

/**
 * The scenarios sharing one population, seeding and n: they are measured on the same
 * Monte-Carlo experiments (each experiment carries every scenario's hypothesis).
 *
 * @param group       names the tests measured together; part of the seed, so that two groups
 *                    measured on one population draw different experiments
 * @param experiments Monte-Carlo experiments per stage (A/A, margins, effects)
 */
record Cell(String group, Population population, Pairing pairing, int n, List<Scenario> scenarios, int experiments) {

    Cell {
        scenarios = List.copyOf(scenarios);
        for (Scenario s : scenarios) {
            if (s.population() != population || s.pairing() != pairing || s.n() != n) {
                throw new IllegalArgumentException(s.id() + " does not belong to cell " + population.key() + "/"
                        + pairing.key() + "/n=" + n);
            }
        }
    }

    String id() {
        return group + "/" + population.key() + "/" + pairing.key() + "/n=" + n;
    }
}
