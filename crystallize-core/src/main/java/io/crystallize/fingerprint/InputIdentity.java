package io.crystallize.fingerprint;

/**
 * A data source whose data comes from outside the code, with an identity that changes whenever
 * that data does (e.g. the upstream experiment version it reads). The identity goes into the
 * fingerprint of every run that reads from the source.
 */
public interface InputIdentity {

    /** Changes whenever the data this source provides changes. */
    String inputIdentity();
}
