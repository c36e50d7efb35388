package io.crystallize.internal.model;

/** A mistake in an experiment class, at the element to fix. */
public record Problem(ElementRef where, String message) {

    @Override
    public String toString() {
        return where.describe() + ": " + message;
    }
}
