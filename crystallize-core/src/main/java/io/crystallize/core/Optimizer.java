package io.crystallize.core;


/**
 * An ask/tell optimizer: proposes a treatment per trial, is told the objective's score of each,
 * and knows the best so far.
 */
public interface Optimizer {

    /** The next treatment to try. */
    Treatment ask();

    /** The objective's value for a treatment it asked for. */
    void tell(Treatment treatment, double value);

    /** The best treatment told so far, in the objective's direction. */
    Treatment best();

    Objective objective();
}
