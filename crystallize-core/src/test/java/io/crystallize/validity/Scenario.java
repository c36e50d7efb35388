package io.crystallize.validity;

import io.crystallize.annotation.StatisticalTest;
import java.util.Locale;

/**
 * One row of the validity table: a built-in test, the property checked, the population the
 * metric comes from, the seeding, and the replicates per condition.
 */
record Scenario(StatisticalTest test, Check check, Population population, Pairing pairing, int n) {

    /**
     * A stable id such as {@code default/better-fpr/log-normal/shared/n=5}, used by the
     * known-failures list and the table.
     */
    String id() {
        return testKey(test) + "/" + check.key() + "/" + population.key() + "/" + pairing.key() + "/n=" + n;
    }

    static String testKey(StatisticalTest test) {
        return test.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return id();
    }
}
