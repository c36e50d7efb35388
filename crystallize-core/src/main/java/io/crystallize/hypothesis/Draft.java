package io.crystallize.hypothesis;

/**
 * A verdict before its message's standard line is written, with the note that line is followed
 * by. A hypothesis re-decides tested verdicts after its multiple-comparison correction and only
 * then writes their line; built-in verifiers hand it drafts so that the line is written once. A
 * complete verdict (any other verifier's, or one that was never tested) has no note: its message
 * stands.
 *
 * @param note what follows the standard line ("" if nothing), or null when the message is written
 */
record Draft(Verdict verdict, String note) {

    /** A verdict whose message is written. */
    static Draft complete(Verdict verdict) {
        return new Draft(verdict, null);
    }

    /** The verdict with its message. */
    Verdict worded() {
        return note == null ? verdict : ComparisonVerifier.withMessage(verdict, note);
    }
}
