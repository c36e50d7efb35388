package io.crystallize.clients;

import io.crystallize.annotation.Experiment;

/** Upsell raises revenue; free shipping does not. Replicates come from crystallize.default.replicates. */
@Experiment(seed = 11)
public class CheckoutExperimentTest {

    void upsellRaisesRevenue() {
    }

    void everyOfferRaisesRevenue() {
    }
}
